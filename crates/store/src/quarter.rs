//! Calendar quarters as integers.

use std::fmt;

/// A calendar quarter, stored as `year * 4 + (quarter - 1)` so that quarters order and
/// subtract as integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter(i32);

impl Quarter {
    /// The quarter `q` (1 to 4) of `year`; `None` for a quarter outside 1 to 4.
    pub fn new(year: i32, q: u8) -> Option<Quarter> {
        (1..=4)
            .contains(&q)
            .then(|| Quarter(year * 4 + i32::from(q) - 1))
    }

    /// The quarter holding `month` (1 to 12) of `year`.
    pub fn of_month(year: i32, month: u8) -> Option<Quarter> {
        (1..=12)
            .contains(&month)
            .then(|| Quarter(year * 4 + (i32::from(month) - 1) / 3))
    }

    pub fn index(self) -> i32 {
        self.0
    }

    pub fn from_index(index: i32) -> Quarter {
        Quarter(index)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(4)
    }

    /// 1 to 4.
    pub fn q(self) -> u8 {
        (self.0.rem_euclid(4) + 1) as u8
    }

    /// First month of the quarter, 1 to 12.
    pub fn first_month(self) -> u8 {
        (self.q() - 1) * 3 + 1
    }

    pub fn next(self) -> Quarter {
        Quarter(self.0 + 1)
    }

    /// Parses `2022Q4`, `2022 Q4` or `2022-Q4`.
    pub fn parse(text: &str) -> Option<Quarter> {
        let text = text.trim();
        let (year, q) = text.split_once(['Q', 'q'])?;
        let year: i32 = year.trim_end_matches([' ', '-']).parse().ok()?;
        let q: u8 = q.trim().parse().ok()?;
        Quarter::new(year, q)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year(), self.q())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let q = Quarter::new(2022, 4).unwrap();
        assert_eq!(q.to_string(), "2022Q4");
        assert_eq!(q.next().to_string(), "2023Q1");
        assert_eq!(Quarter::parse("2001 Q1"), Quarter::new(2001, 1));
        assert_eq!(Quarter::of_month(2023, 5), Quarter::new(2023, 2));
        assert_eq!(Quarter::new(2023, 5), None);
        assert_eq!(Quarter::parse("2023 Q0"), None);
    }
}
