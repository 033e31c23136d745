//! Disjoint sets over the indices `0..n`, for the stages that group things transitively
//! (suggest's spelling variants, brief's stories, align's clusters).
//!
//! Which root a union keeps decides how groups are later numbered or cut, so the caller picks
//! the policy: [`UnionFind::union`] keeps the smaller root index, [`UnionFind::union_capped`]
//! does the same under a size cap, [`UnionFind::attach`] keeps the root the caller names.
//! Finding a root halves the path on the way; roots never change by it.

#[derive(Debug, Clone, Default)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
    /// Members of the set, valid at roots only.
    size: Vec<usize>,
}

impl UnionFind {
    /// `n` elements, each alone.
    pub(crate) fn new(n: usize) -> Self {
        let mut sets = UnionFind::default();
        sets.grow(n);
        sets
    }

    /// Add elements, each alone, up to `n` in all; never shrinks.
    pub(crate) fn grow(&mut self, n: usize) {
        let len = self.parent.len();
        if n > len {
            self.parent.extend(len..n);
            self.size.resize(n, 1);
        }
    }

    /// The root of `x`'s set.
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join the sets of `a` and `b` under the smaller of their roots. False if they were one.
    pub(crate) fn union(&mut self, a: usize, b: usize) -> bool {
        self.union_capped(a, b, usize::MAX)
    }

    /// Join the sets of `a` and `b` under the smaller of their roots, unless they are one
    /// already or the result would hold more than `cap` members. True if joined.
    pub(crate) fn union_capped(&mut self, a: usize, b: usize, cap: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || self.size[ra] + self.size[rb] > cap {
            return false;
        }
        self.attach(ra.max(rb), ra.min(rb));
        true
    }

    /// Put the set rooted at `child` under the root `root`, which stays the root.
    pub(crate) fn attach(&mut self, child: usize, root: usize) {
        debug_assert!(child != root && self.parent[child] == child && self.parent[root] == root);
        self.parent[child] = root;
        self.size[root] += self.size[child];
    }

    /// The sets of two or more members, each ascending, in order of their first member.
    pub(crate) fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut slot = vec![usize::MAX; n];
        let mut out: Vec<Vec<usize>> = Vec::new();
        for x in 0..n {
            let root = self.find(x);
            if slot[root] == usize::MAX {
                slot[root] = out.len();
                out.push(Vec::new());
            }
            out[slot[root]].push(x);
        }
        out.retain(|g| g.len() >= 2);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_keeps_the_smaller_root() {
        let mut sets = UnionFind::new(6);
        assert!(sets.union(5, 3));
        assert_eq!(sets.find(5), 3);
        assert!(sets.union(4, 5));
        assert_eq!((sets.find(4), sets.find(5)), (3, 3));
        assert!(!sets.union(3, 4));
        assert!(sets.union(5, 1));
        assert_eq!(sets.find(3), 1);
        assert_eq!(sets.find(0), 0);
    }

    #[test]
    fn a_capped_union_refuses_a_set_too_large() {
        let mut sets = UnionFind::new(5);
        assert!(sets.union_capped(0, 1, 3));
        assert!(sets.union_capped(2, 1, 3));
        assert!(!sets.union_capped(3, 0, 3));
        assert_eq!(sets.find(3), 3);
        assert!(sets.union_capped(3, 4, 3));
        assert_eq!(sets.groups(), [vec![0, 1, 2], vec![3, 4]]);
    }

    #[test]
    fn attach_keeps_the_root_it_is_given() {
        let mut sets = UnionFind::new(3);
        sets.attach(0, 2);
        assert_eq!(sets.find(0), 2);
        sets.attach(2, 1);
        assert_eq!((sets.find(0), sets.find(2)), (1, 1));
        // The size moved along: the set of three is refused under a cap of three with one more.
        sets.grow(4);
        assert!(!sets.union_capped(3, 0, 3));
    }

    #[test]
    fn growing_adds_singletons_and_keeps_the_sets() {
        let mut sets = UnionFind::new(2);
        sets.union(0, 1);
        sets.grow(4);
        sets.grow(3);
        assert_eq!((sets.find(1), sets.find(2), sets.find(3)), (0, 2, 3));
        sets.union(3, 1);
        assert_eq!(sets.groups(), [vec![0, 1, 3]]);
    }

    #[test]
    fn a_long_chain_finds_its_root_and_is_shortened() {
        let n = 10_000;
        let mut sets = UnionFind::new(n);
        for x in 0..n - 1 {
            sets.attach(x, x + 1);
        }
        assert_eq!(sets.find(0), n - 1);
        // Path halving left every other node of the chain pointing two steps up.
        assert!(sets.parent[0] > 1);
        assert!((0..n).all(|x| sets.find(x) == n - 1));
        assert_eq!(sets.groups(), [(0..n).collect::<Vec<_>>()]);
    }

    #[test]
    fn groups_leave_singletons_out_and_follow_first_members() {
        let mut sets = UnionFind::new(7);
        sets.attach(1, 6);
        sets.attach(2, 4);
        sets.union(0, 5);
        assert_eq!(sets.groups(), [vec![0, 5], vec![1, 6], vec![2, 4]]);
    }
}
