//! Numbers and dates as a reader expects them: "1,820", "44.5%", "+38.3%", "2.3 times",
//! "13 December 2022".

use jiff::civil::Date;

/// A count with thousands separators, rounded to a whole number.
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return "no figure".to_string();
    }
    let rounded = value.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0 { format!("-{out}") } else { out }
}

/// A percentage with one decimal.
pub fn percent(value: f64) -> String {
    format!("{value:.1}%")
}

/// A percentage change with its sign.
pub fn change(value: f64) -> String {
    format!("{value:+.1}%")
}

/// A multiple: "2.3 times".
pub fn times(value: f64) -> String {
    format!("{value:.2} times")
}

/// "13 December 2022".
pub fn date(date: Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(count(1819.6), "1,820");
        assert_eq!(count(999.4), "999");
        assert_eq!(count(-45774.0), "-45,774");
        assert_eq!(count(1_000_000.0), "1,000,000");
        assert_eq!(percent(44.54), "44.5%");
        assert_eq!(change(-35.66), "-35.7%");
        assert_eq!(date(jiff::civil::date(2022, 12, 13)), "13 December 2022");
    }
}
