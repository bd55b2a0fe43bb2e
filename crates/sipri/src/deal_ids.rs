//! Deal id → deal number for pass 1 of the streaming reader: millions of
//! deals, one lookup per deal's first row, on the one thread that merges.
//!
//! SIPRI's deal ids are small numbers (under 70,000 in 2026), and a
//! register lists a deal's rows together, often in id order: ids below a
//! limit (a few times the file's expected deals) are looked up in an array
//! indexed by id, where neighbouring ids share a cache line and pages no id
//! falls in are never mapped. Larger ids go to a hash table. A table this
//! size misses the caches on every lookup: `HashMap` keeps its control
//! bytes and its entries apart, so a new id costs two misses, the second a
//! store that holds up the stores after it; here an id and its number share
//! one slot, and the lookup loads the line the insert writes.

/// One slot: `deal == EMPTY` when free.
#[derive(Clone, Copy)]
struct Slot {
    id: u64,
    deal: u32,
}

const EMPTY: u32 = u32::MAX;

/// Ids below `direct.len()` in the array (number + 1; 0: none), the others
/// in open addressing with linear probing, grown at 85 % load.
pub(crate) struct DealIds {
    direct: Vec<u32>,
    slots: Vec<Slot>,
    bits: u32,
    len: usize,
}

impl DealIds {
    /// A table for a file of about `n` deals: the array covers ids below
    /// `4 n` (at least 65,536); the hash table starts small.
    pub fn with_capacity(n: usize) -> DealIds {
        let bits = 6;
        DealIds {
            // Zeroed by the allocator: pages no id falls in stay unmapped.
            direct: vec![0; n.saturating_mul(4).clamp(1 << 16, 1 << 28)],
            slots: vec![Slot { id: 0, deal: EMPTY }; 1 << bits],
            bits,
            len: 0,
        }
    }

    /// How many ids the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len + self.direct.iter().filter(|&&d| d != 0).count()
    }

    #[inline]
    fn home(&self, id: u64) -> usize {
        ((id ^ (id >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    /// The number of `id`, given `next` (and `true`) if it has none yet.
    /// `next` must not be `u32::MAX`.
    #[inline]
    pub fn get_or_insert(&mut self, id: u64, next: u32) -> (u32, bool) {
        debug_assert!(next != EMPTY);
        if let Some(d) = usize::try_from(id)
            .ok()
            .and_then(|i| self.direct.get_mut(i))
        {
            return match *d {
                0 => {
                    *d = next + 1;
                    (next, true)
                }
                n => (n - 1, false),
            };
        }
        if (self.len + 1) * 20 > self.slots.len() * 17 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(id);
        loop {
            let s = &mut self.slots[i];
            if s.deal == EMPTY {
                *s = Slot { id, deal: next };
                self.len += 1;
                return (next, true);
            }
            if s.id == id {
                return (s.deal, false);
            }
            i = (i + 1) & mask;
        }
    }

    #[cold]
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.bits += 1;
        self.slots = vec![Slot { id: 0, deal: EMPTY }; 1 << self.bits];
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.deal != EMPTY) {
            let mut i = self.home(s.id);
            while self.slots[i].deal != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// Numbers ids in order of first appearance, as a `HashMap` does,
        /// through growth and colliding ids.
        #[test]
        fn numbers_like_a_hash_map(ids in proptest::collection::vec(
            prop_oneof![0u64..50, 65_500u64..65_600, any::<u64>(), Just(u64::MAX), (0u64..40).prop_map(|k| k << 58)],
            0..600,
        )) {
            let mut t = DealIds::with_capacity(3);
            let mut m: HashMap<u64, u32> = HashMap::new();
            for id in ids {
                let next = m.len() as u32;
                let want = match m.get(&id) {
                    Some(&d) => (d, false),
                    None => {
                        m.insert(id, next);
                        (next, true)
                    }
                };
                prop_assert_eq!(t.get_or_insert(id, next), want);
            }
            prop_assert_eq!(t.len(), m.len());
        }
    }
}
