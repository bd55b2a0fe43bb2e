//! Deal id → deal number for pass 1 of the streaming reader: millions of
//! deals, one lookup per deal's first row, on the one thread that merges.
//!
//! A table this size misses the caches on every lookup. `HashMap` keeps its
//! control bytes and its entries apart, so a new id costs two misses, the
//! second a store that holds up the stores after it. Here an id and its
//! number share one slot: the lookup loads the line the insert then writes.

/// One slot: `deal == EMPTY` when free.
#[derive(Clone, Copy)]
struct Slot {
    id: u64,
    deal: u32,
}

const EMPTY: u32 = u32::MAX;

/// Open addressing with linear probing, grown at 85 % load.
pub(crate) struct DealIds {
    slots: Vec<Slot>,
    bits: u32,
    len: usize,
}

impl DealIds {
    /// A table for about `n` ids without growing.
    pub fn with_capacity(n: usize) -> DealIds {
        let want = (n as u64).saturating_mul(10) / 9 + 1;
        let bits = want.next_power_of_two().ilog2().clamp(6, 40);
        DealIds {
            slots: vec![Slot { id: 0, deal: EMPTY }; 1 << bits],
            bits,
            len: 0,
        }
    }

    /// How many ids the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
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
            prop_oneof![0u64..50, any::<u64>(), Just(u64::MAX), (0u64..40).prop_map(|k| k << 58)],
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
