//! Dictionary codes, one per row, stored as narrow as the dictionary allows.
//!
//! Most dimensions have a handful of values (sex, return type) and none of the Home Office
//! tables has more than a few hundred, so one or two bytes per row hold a code. Keeping the
//! codes narrow is most of what keeps every table of a release in memory at once cheap.

/// One code per row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Codes {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
}

impl Default for Codes {
    fn default() -> Codes {
        Codes::U8(Vec::new())
    }
}

impl Codes {
    /// The narrowest codes that hold `codes`, whose values are all below `distinct`.
    pub fn narrow(codes: Vec<u32>, distinct: usize) -> Codes {
        if distinct <= 1 << 8 {
            Codes::U8(codes.into_iter().map(|c| c as u8).collect())
        } else if distinct <= 1 << 16 {
            Codes::U16(codes.into_iter().map(|c| c as u16).collect())
        } else {
            Codes::U32(codes)
        }
    }

    /// Bytes per code: 1, 2 or 4.
    pub fn width(&self) -> usize {
        match self {
            Codes::U8(_) => 1,
            Codes::U16(_) => 2,
            Codes::U32(_) => 4,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Codes::U8(c) => c.len(),
            Codes::U16(c) => c.len(),
            Codes::U32(c) => c.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code of `row`.
    pub fn get(&self, row: usize) -> u32 {
        match self {
            Codes::U8(c) => u32::from(c[row]),
            Codes::U16(c) => u32::from(c[row]),
            Codes::U32(c) => c[row],
        }
    }

    /// Adds `code * stride` to each row's key: one digit of a mixed-radix key per column.
    pub(crate) fn add_to_keys(&self, stride: u64, keys: &mut [u64]) {
        fn add<T: Copy + Into<u64>>(codes: &[T], stride: u64, keys: &mut [u64]) {
            for (key, &code) in keys.iter_mut().zip(codes) {
                *key += code.into() * stride;
            }
        }
        match self {
            Codes::U8(c) => add(c, stride, keys),
            Codes::U16(c) => add(c, stride, keys),
            Codes::U32(c) => add(c, stride, keys),
        }
    }

    /// The codes as little-endian bytes, `width()` bytes each.
    pub(crate) fn to_le_bytes(&self) -> Vec<u8> {
        match self {
            Codes::U8(c) => c.clone(),
            Codes::U16(c) => c.iter().flat_map(|v| v.to_le_bytes()).collect(),
            Codes::U32(c) => c.iter().flat_map(|v| v.to_le_bytes()).collect(),
        }
    }

    /// Codes of `width` bytes each from little-endian bytes; `None` for another width.
    pub(crate) fn from_le_bytes(width: usize, bytes: &[u8]) -> Option<Codes> {
        Some(match width {
            1 => Codes::U8(bytes.to_vec()),
            2 => Codes::U16(
                bytes
                    .chunks_exact(2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]))
                    .collect(),
            ),
            4 => Codes::U32(
                bytes
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect(),
            ),
            _ => return None,
        })
    }

    /// The largest code, if any.
    pub(crate) fn max(&self) -> Option<u32> {
        match self {
            Codes::U8(c) => c.iter().max().map(|&v| u32::from(v)),
            Codes::U16(c) => c.iter().max().map(|&v| u32::from(v)),
            Codes::U32(c) => c.iter().max().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrows_to_the_dictionary() {
        for (distinct, width) in [(2, 1), (256, 1), (257, 2), (65_536, 2), (65_537, 4)] {
            let codes = Codes::narrow(vec![0, 1, (distinct - 1) as u32], distinct);
            assert_eq!(codes.width(), width, "{distinct} values");
            assert_eq!(codes.get(2), (distinct - 1) as u32);
            let bytes = codes.to_le_bytes();
            assert_eq!(Codes::from_le_bytes(width, &bytes), Some(codes));
        }
    }
}
