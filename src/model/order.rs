//! Sorting the short lists the page shows.

/// Sorts `items` so that `before(a, b)` holds for no `b` after `a`, keeping
/// equal items in their order (a stable insertion sort).
///
/// The lists sorted here hold a few dozen items at most, where insertion sort
/// is as fast as any; it is also a few hundred bytes in the bundle, where the
/// standard library's stable sort is about 3 KB for each type it sorts.
pub fn sort_short<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs of (key, original position).
        let mut rng = crate::Xorshift(0x2545_F491_4F6C_DD1D);
        let mut next = || rng.next();
        for len in 0..40 {
            for _ in 0..50 {
                let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 5, i)).collect();
                let mut ours = items.clone();
                sort_short(&mut ours, |a, b| a.0 > b.0);
                let mut std = items;
                std.sort_by_key(|b| std::cmp::Reverse(b.0));
                assert_eq!(ours, std);
            }
        }
    }
}
