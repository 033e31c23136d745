//! Sorted slices: the one merge that alignment's candidate keys and the translation memory's
//! word bags both need.

/// How many values two sorted slices have in common, repeats counted as often as both hold
/// them (a multiset intersection).
pub fn common_count<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_count_as_often_as_both_hold_them() {
        assert_eq!(common_count(&[1, 1, 2, 5], &[1, 2, 2, 5, 7]), 3);
        assert_eq!(common_count::<u32>(&[], &[1]), 0);
    }
}
