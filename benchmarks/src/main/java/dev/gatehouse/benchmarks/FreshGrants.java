package dev.gatehouse.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * (user, resource) pairs for the grant and revoke benchmarks, none of which holds {@link World#MANAGE} in the data
 * (no generated grant uses it). One counter serves the whole JVM, so no two workloads ever hand out the same pair,
 * even when one of them failed before revoking what it granted. Thread-safe.
 */
final class FreshGrants {
    private static final AtomicLong NEXT = new AtomicLong();

    private final World world;

    FreshGrants(World world) {
        this.world = world;
    }

    /**
     * @return an ordinary user and a forest resource, a pair not handed out before in this JVM: consecutive pairs
     *     spread over the whole forest (a stride coprime with its size), mostly leaves, as random grants would be
     */
    Pair next() {
        long index = NEXT.getAndIncrement();
        int forest = world.forestSize();
        int resource = 1 + (int) (index * stride(forest) % forest);
        int user = 1 + (int) (index / forest % world.landmarks().ordinaryUsers());
        return new Pair(user, resource);
    }

    private static long stride(int forest) {
        long stride = 7_919;
        while (gcd(stride, forest) != 1) {
            stride += 2;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** A user and a resource. */
    record Pair(int user, int resource) {}
}
