//! Order-preserving parallel map over independent items (articles, sentences, posting lists),
//! on every core, through rayon's work-stealing pool (`RAYON_NUM_THREADS` sets its size).

use rayon::prelude::*;

/// `items.iter().map(f).collect()`, computed on every core, in the same order: the output never
/// depends on how the work was split, so every run gives the same result.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    items.par_iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(super::map(&[] as &[u32], |x| *x).is_empty());
    }
}
