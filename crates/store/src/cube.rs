//! Per-quarter totals pre-aggregated by a set of dimensions, so that sums cost lookups.
//!
//! A claim has many candidate readings, and readings of one table filter on few distinct
//! sets of dimensions ("nationality and return type group", "nationality, return type group
//! and age"). For each such set, one pass over the rows builds a [`Cube`]: the total of
//! every combination of those dimensions' values that occurs, per quarter. A reading's sum
//! is then the sum of a few cells: one per combination of the codes it allows, per quarter
//! of its range. Cubes are cached per table, so the first reading over a set of dimensions
//! pays for the pass and the rest are nearly free.
//!
//! Counts are whole numbers, so adding them in another order than a scan of the rows gives
//! the same doubles; [`crate::Table::scan_by_quarter`] is kept as the reference the tests
//! hold cubes to.

use std::ops::RangeInclusive;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::{Filter, Quarter, Table};

/// Filters on up to this many dimensions are evaluated without allocating.
const INLINE: usize = 8;

/// Above this many possible combinations a cube finds its slots by hashing, not indexing.
const DENSE_LIMIT: u64 = 1 << 18;

/// The columns a filter constrains, as a set: bit `c` for column `c`. `None` when a column
/// is not below `columns`, or past the 128 a key holds.
pub fn key_of(filter: &Filter, columns: usize) -> Option<u128> {
    filter.conditions.iter().try_fold(0u128, |key, c| {
        (c.column < columns.min(128)).then(|| key | 1 << c.column)
    })
}

/// The columns of a key, in order.
fn columns_of(key: u128) -> Vec<usize> {
    (0..128).filter(|c| key & (1 << c) != 0).collect()
}

/// A table's cubes, by the set of dimensions they aggregate over.
#[derive(Default)]
pub(crate) struct Cache {
    cubes: Mutex<FxHashMap<u128, Arc<Cube>>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let built = self.cubes.lock().map_or(0, |c| c.len());
        write!(f, "Cache({built} cubes)")
    }
}

impl Cache {
    /// The cube of `table` over the columns of `key`, built on first use.
    pub fn get(&self, table: &Table, key: u128) -> Arc<Cube> {
        let mut cubes = self.cubes.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(cube) = cubes.get(&key) {
            return Arc::clone(cube);
        }
        let cube = Arc::new(Cube::build(table, &columns_of(key)));
        cubes.insert(key, Arc::clone(&cube));
        cube
    }
}

/// Where a combination of codes sits among a cube's slots.
#[derive(Debug)]
enum Slots {
    /// Indexed by the combination's key; `u32::MAX` where it never occurs.
    Dense(Vec<u32>),
    Sparse(FxHashMap<u64, u32>),
}

impl Slots {
    fn get(&self, key: u64) -> Option<usize> {
        match self {
            Slots::Dense(slots) => match slots[key as usize] {
                u32::MAX => None,
                slot => Some(slot as usize),
            },
            Slots::Sparse(slots) => slots.get(&key).map(|&s| s as usize),
        }
    }
}

/// The per-quarter totals of every combination of some dimensions' values.
#[derive(Debug)]
pub struct Cube {
    /// The table's columns, sorted, and the size of each one's dictionary.
    dims: Vec<usize>,
    radix: Vec<u64>,
    /// The first quarter and how many quarters each slot holds.
    first: i32,
    width: usize,
    slots: Slots,
    /// The key of each slot: its codes as mixed-radix digits, first dimension lowest.
    keys: Vec<u64>,
    /// `width` totals per slot.
    cells: Vec<f64>,
}

impl Cube {
    /// One pass over `table`'s rows.
    pub fn build(table: &Table, dims: &[usize]) -> Cube {
        let radix: Vec<u64> = dims
            .iter()
            .map(|&d| table.dimensions[d].dictionary.len().max(1) as u64)
            .collect();
        let mut row_keys = vec![0u64; table.len()];
        let mut stride = 1u64;
        for (&d, &r) in dims.iter().zip(&radix) {
            table.dimensions[d].codes.add_to_keys(stride, &mut row_keys);
            stride = stride.saturating_mul(r);
        }
        let (first, width) = match table.coverage() {
            Some(range) => (
                range.start().index(),
                (range.end().index() - range.start().index() + 1) as usize,
            ),
            None => (0, 0),
        };
        let (slots, keys) = if stride <= DENSE_LIMIT {
            dense_slots(&row_keys, stride as usize)
        } else {
            sparse_slots(&row_keys)
        };
        let mut cells = vec![0.0; keys.len() * width];
        let rows = Rows {
            keys: &row_keys,
            table,
            first,
            width,
        };
        match &slots {
            Slots::Dense(index) => rows.add_to(&mut cells, |key| index[key as usize] as usize),
            Slots::Sparse(index) => rows.add_to(&mut cells, |key| index[&key] as usize),
        }
        Cube {
            dims: dims.to_vec(),
            radix,
            first,
            width,
            slots,
            keys,
            cells,
        }
    }

    /// How many combinations occur.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The totals of the rows `filter` keeps, one per quarter of `quarters`. The filter's
    /// dimensions must be the cube's.
    pub fn series(&self, filter: &Filter, quarters: RangeInclusive<Quarter>) -> Vec<f64> {
        let (first, last) = (quarters.start().index(), quarters.end().index());
        let mut out = vec![0.0; (last - first + 1).max(0) as usize];
        let (from, to) = self.overlap(first, last);
        if from == to {
            return out;
        }
        let start = (from + self.first - first) as usize;
        let target = &mut out[start..start + (to - from) as usize];
        self.for_each_slot(filter, |slot| {
            let base = slot * self.width;
            let cells = &self.cells[base + from as usize..base + to as usize];
            for (sum, cell) in target.iter_mut().zip(cells) {
                *sum += cell;
            }
        });
        out
    }

    /// The total of the rows `filter` keeps over the whole of `quarters`.
    pub fn total(&self, filter: &Filter, quarters: RangeInclusive<Quarter>) -> f64 {
        let (from, to) = self.overlap(quarters.start().index(), quarters.end().index());
        let mut total = 0.0;
        self.for_each_slot(filter, |slot| {
            let cells = &self.cells[slot * self.width..];
            total += cells[from as usize..to as usize].iter().sum::<f64>();
        });
        total
    }

    /// The cube's own quarter offsets `from..to` that fall in `first..=last`.
    fn overlap(&self, first: i32, last: i32) -> (i32, i32) {
        let from = (first - self.first).clamp(0, self.width as i32);
        let to = (last - self.first + 1).min(self.width as i32);
        (from, to.max(from))
    }

    /// Calls `f` with each slot whose combination `filter` allows.
    fn for_each_slot(&self, filter: &Filter, mut f: impl FnMut(usize)) {
        let mut lists: [&[u32]; INLINE] = [&[]; INLINE];
        if self.borrow_codes(filter, &mut lists) {
            self.for_each_slot_in(&lists[..self.dims.len()], &mut f);
        } else {
            let owned = self.allowed(filter);
            let lists: Vec<&[u32]> = owned.iter().map(Vec::as_slice).collect();
            self.for_each_slot_in(&lists, &mut f);
        }
    }

    /// The common case without copying: one condition per dimension, its codes strictly
    /// increasing and within the dictionary. False when the filter needs cleaning first.
    fn borrow_codes<'f>(&self, filter: &'f Filter, lists: &mut [&'f [u32]; INLINE]) -> bool {
        if self.dims.len() > INLINE || filter.conditions.len() != self.dims.len() {
            return false;
        }
        for (i, (&d, &r)) in self.dims.iter().zip(&self.radix).enumerate() {
            let mut on_column = filter.conditions.iter().filter(|c| c.column == d);
            let (Some(condition), None) = (on_column.next(), on_column.next()) else {
                return false;
            };
            let codes = condition.codes.as_slice();
            let increasing = codes.windows(2).all(|w| w[0] < w[1]);
            if !increasing || codes.last().is_some_and(|&c| u64::from(c) >= r) {
                return false;
            }
            lists[i] = codes;
        }
        true
    }

    fn for_each_slot_in(&self, allowed: &[&[u32]], f: &mut impl FnMut(usize)) {
        let combinations = allowed
            .iter()
            .fold(1u64, |n, codes| n.saturating_mul(codes.len() as u64));
        if combinations == 0 {
            return;
        }
        if combinations <= self.keys.len() as u64 && allowed.len() <= INLINE {
            self.for_each_combination(allowed, |key| {
                if let Some(slot) = self.slots.get(key) {
                    f(slot);
                }
            });
        } else {
            let masks: Vec<Vec<bool>> = allowed
                .iter()
                .zip(&self.radix)
                .map(|(codes, &r)| mask(r as usize, codes))
                .collect();
            for (slot, &key) in self.keys.iter().enumerate() {
                if self.digits(key).zip(&masks).all(|(d, m)| m[d as usize]) {
                    f(slot);
                }
            }
        }
    }

    /// Per dimension of the cube, the codes every condition on it allows.
    fn allowed(&self, filter: &Filter) -> Vec<Vec<u32>> {
        self.dims
            .iter()
            .zip(&self.radix)
            .map(|(&d, &r)| {
                let mut codes: Option<Vec<u32>> = None;
                for condition in filter.conditions.iter().filter(|c| c.column == d) {
                    let mut these: Vec<u32> = condition
                        .codes
                        .iter()
                        .copied()
                        .filter(|&c| u64::from(c) < r)
                        .collect();
                    these.sort_unstable();
                    these.dedup();
                    codes = Some(match codes {
                        None => these,
                        Some(before) => before.into_iter().filter(|c| these.contains(c)).collect(),
                    });
                }
                codes.unwrap_or_default()
            })
            .collect()
    }

    fn for_each_combination(&self, allowed: &[&[u32]], mut f: impl FnMut(u64)) {
        let mut at = [0usize; INLINE];
        loop {
            let mut key = 0u64;
            let mut stride = 1u64;
            for ((codes, &i), &r) in allowed.iter().zip(&at).zip(&self.radix) {
                key += u64::from(codes[i]) * stride;
                stride *= r;
            }
            f(key);
            let mut d = 0;
            loop {
                if d == allowed.len() {
                    return;
                }
                at[d] += 1;
                if at[d] < allowed[d].len() {
                    break;
                }
                at[d] = 0;
                d += 1;
            }
        }
    }

    fn digits(&self, key: u64) -> impl Iterator<Item = u64> + '_ {
        self.radix.iter().scan(key, |rest, &r| {
            let digit = *rest % r;
            *rest /= r;
            Some(digit)
        })
    }
}

/// A table's rows with their keys, to be added into a cube's cells.
struct Rows<'t> {
    keys: &'t [u64],
    table: &'t Table,
    first: i32,
    width: usize,
}

impl Rows<'_> {
    fn add_to(&self, cells: &mut [f64], slot_of: impl Fn(u64) -> usize) {
        let rows = self
            .keys
            .iter()
            .zip(&self.table.quarters)
            .zip(&self.table.values);
        for ((&key, quarter), value) in rows {
            cells[slot_of(key) * self.width + (quarter.index() - self.first) as usize] += value;
        }
    }
}

/// Slots by direct index over `size` possible keys: mark the keys that occur, then number
/// them in key order. Two passes without a branch per row.
fn dense_slots(row_keys: &[u64], size: usize) -> (Slots, Vec<u64>) {
    let mut index = vec![u32::MAX; size];
    for &key in row_keys {
        index[key as usize] = 0;
    }
    let mut keys = Vec::new();
    for (key, slot) in index.iter_mut().enumerate() {
        if *slot == 0 {
            *slot = keys.len() as u32;
            keys.push(key as u64);
        }
    }
    (Slots::Dense(index), keys)
}

/// Slots by hash, in order of first appearance, for key spaces too large to index.
fn sparse_slots(row_keys: &[u64]) -> (Slots, Vec<u64>) {
    let mut index: FxHashMap<u64, u32> = FxHashMap::default();
    let mut keys = Vec::new();
    for &key in row_keys {
        index.entry(key).or_insert_with(|| {
            keys.push(key);
            (keys.len() - 1) as u32
        });
    }
    (Slots::Sparse(index), keys)
}

/// A mask over a dictionary of `size` codes with `codes` set.
pub(crate) fn mask(size: usize, codes: &[u32]) -> Vec<bool> {
    let mut allowed = vec![false; size];
    for &code in codes {
        if let Some(slot) = allowed.get_mut(code as usize) {
            *slot = true;
        }
    }
    allowed
}
