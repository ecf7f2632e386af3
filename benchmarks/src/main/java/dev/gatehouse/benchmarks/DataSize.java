package dev.gatehouse.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * How big the generated data set is. Every size has the same landmarks (a 256-deep chain, a 1,000-node subtree to
 * move, users with 1 up to {@code groups} groups); the forest of ordinary trees fills the rest.
 *
 * @param resources resources in total, trees of depth up to {@link World#MAX_TREE_DEPTH} plus the landmarks
 * @param users users in total
 * @param groups groups in total
 * @param broadGroupMembers members of the group that may edit everything
 */
public enum DataSize {
    /** A smoke run: seconds, in CI. */
    S(5_000, 500, 50, 10),
    /** 100k resources, 10k users, 500 groups: the size {@code docs/benchmarks.md} reports. */
    M(100_000, 10_000, 500, 50),
    /** 1M resources, 100k users, 1k groups, about 3M grants: the size DESIGN §9's goals are stated for. */
    L(1_000_000, 100_000, 1_000, 200);

    private final int resources;
    private final int users;
    private final int groups;
    private final int broadGroupMembers;

    DataSize(int resources, int users, int groups, int broadGroupMembers) {
        this.resources = resources;
        this.users = users;
        this.groups = groups;
        this.broadGroupMembers = broadGroupMembers;
    }

    public int resources() {
        return resources;
    }

    public int users() {
        return users;
    }

    public int groups() {
        return groups;
    }

    public int broadGroupMembers() {
        return broadGroupMembers;
    }

    /** @return the group counts the group axis is measured at: 1, 10, 100, 1,000, capped at {@link #groups()} */
    public List<Integer> groupAxis() {
        return java.util.stream.Stream.of(1, 10, 100, 1_000)
                .map(count -> Math.min(count, groups))
                .distinct()
                .toList();
    }

    /** @return S, M or L, any case */
    public static DataSize parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown data size '" + text + "': use S, M or L", e);
        }
    }
}
