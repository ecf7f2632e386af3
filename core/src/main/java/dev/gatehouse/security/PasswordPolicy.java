package dev.gatehouse.security;

import dev.gatehouse.InvalidInputException;
import java.util.Objects;

/**
 * Which algorithm new password hashes use, and with which cost parameters.
 *
 * <p>A {@link PasswordHasher} hashes new passwords with its policy and verifies stored hashes of every supported
 * algorithm whatever its policy; {@link PasswordHasher#needsRehash(String)} tells when a stored hash was made
 * under another policy, so callers upgrade it after a successful check.
 *
 * <p>The {@linkplain #defaults() default} is Argon2id with OWASP's minimum recommended parameters (19 MiB of
 * memory, 2 iterations, 1 lane). For bcrypt OWASP recommends a cost of at least 10; for PBKDF2-HMAC-SHA256 at
 * least 600,000 iterations. The factories accept lower values (within each algorithm's own limits) so tests can
 * run fast; {@link #forTests()} is the cheap policy meant for them and must never be used in production.
 *
 * <p>Instances are immutable and thread-safe; equality is structural.
 */
public final class PasswordPolicy {
    /** Smallest Argon2 iteration count. */
    public static final int MIN_ARGON2_ITERATIONS = 1;
    /** Largest Argon2 iteration count this library accepts, in policies and in stored hashes. */
    public static final int MAX_ARGON2_ITERATIONS = 1024;
    /** Largest Argon2 parallelism (lanes) this library accepts, in policies and in stored hashes. */
    public static final int MAX_ARGON2_PARALLELISM = 255;
    /** Largest Argon2 memory, in KiB (1 GiB), this library accepts, in policies and in stored hashes. */
    public static final int MAX_ARGON2_MEMORY_KIB = 1024 * 1024;
    /** Smallest bcrypt cost (log2 of the rounds). */
    public static final int MIN_BCRYPT_COST = 4;
    /** Largest bcrypt cost (log2 of the rounds). */
    public static final int MAX_BCRYPT_COST = 31;
    /** Largest PBKDF2 iteration count this library accepts, in policies and in stored hashes. */
    public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private static final PasswordPolicy DEFAULTS = argon2id(19_456, 2, 1);
    private static final PasswordPolicy FOR_TESTS = argon2id(1024, 1, 1);

    /** A password-hashing algorithm. */
    public enum Algorithm {
        /** Argon2id (RFC 9106), version 19, in the PHC string format. */
        ARGON2ID,
        /** bcrypt in the modular crypt format {@code $2b$}; passwords are limited to 72 UTF-8 bytes. */
        BCRYPT,
        /** PBKDF2 with HMAC-SHA256, in the format {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}. */
        PBKDF2_SHA256
    }

    private final Algorithm algorithm;
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final int cost;

    private PasswordPolicy(Algorithm algorithm, int memoryKib, int iterations, int parallelism, int cost) {
        this.algorithm = algorithm;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.cost = cost;
    }

    /**
     * The default policy: Argon2id with 19,456 KiB of memory, 2 iterations and parallelism 1 (OWASP's minimum).
     *
     * @return the default policy, never null
     */
    public static PasswordPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A deliberately cheap policy (Argon2id, 1,024 KiB, 1 iteration, parallelism 1) that keeps test suites fast.
     * Never use it in production.
     *
     * @return the test policy, never null
     */
    public static PasswordPolicy forTests() {
        return FOR_TESTS;
    }

    /**
     * An Argon2id policy.
     *
     * @param memoryKib memory in KiB, from {@code 8 * parallelism} to {@link #MAX_ARGON2_MEMORY_KIB}
     * @param iterations passes over memory, from 1 to {@link #MAX_ARGON2_ITERATIONS}
     * @param parallelism lanes, from 1 to {@link #MAX_ARGON2_PARALLELISM}
     * @return the policy, never null
     * @throws InvalidInputException if a parameter is out of range; the message names it
     */
    public static PasswordPolicy argon2id(int memoryKib, int iterations, int parallelism) {
        range(parallelism, 1, MAX_ARGON2_PARALLELISM, "Argon2id parallelism");
        range(iterations, MIN_ARGON2_ITERATIONS, MAX_ARGON2_ITERATIONS, "Argon2id iterations");
        range(memoryKib, 8 * parallelism, MAX_ARGON2_MEMORY_KIB, "Argon2id memory (KiB)");
        return new PasswordPolicy(Algorithm.ARGON2ID, memoryKib, iterations, parallelism, 0);
    }

    /**
     * A bcrypt policy. bcrypt only reads the first 72 bytes of a password, so {@link PasswordHasher#hash} rejects
     * longer passwords under this policy.
     *
     * @param cost log2 of the rounds, from {@link #MIN_BCRYPT_COST} to {@link #MAX_BCRYPT_COST}
     * @return the policy, never null
     * @throws InvalidInputException if the cost is out of range
     */
    public static PasswordPolicy bcrypt(int cost) {
        range(cost, MIN_BCRYPT_COST, MAX_BCRYPT_COST, "bcrypt cost");
        return new PasswordPolicy(Algorithm.BCRYPT, 0, 0, 0, cost);
    }

    /**
     * A PBKDF2-HMAC-SHA256 policy.
     *
     * @param iterations the iteration count, from 1 to {@link #MAX_PBKDF2_ITERATIONS}
     * @return the policy, never null
     * @throws InvalidInputException if the count is out of range
     */
    public static PasswordPolicy pbkdf2Sha256(int iterations) {
        range(iterations, 1, MAX_PBKDF2_ITERATIONS, "PBKDF2 iterations");
        return new PasswordPolicy(Algorithm.PBKDF2_SHA256, 0, iterations, 0, 0);
    }

    /** @return the algorithm new hashes use, never null */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** @return Argon2id memory in KiB; 0 for other algorithms */
    public int memoryKib() {
        return memoryKib;
    }

    /** @return Argon2id or PBKDF2 iterations; 0 for bcrypt */
    public int iterations() {
        return iterations;
    }

    /** @return Argon2id parallelism; 0 for other algorithms */
    public int parallelism() {
        return parallelism;
    }

    /** @return bcrypt cost (log2 of the rounds); 0 for other algorithms */
    public int cost() {
        return cost;
    }

    private static void range(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new InvalidInputException(what + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordPolicy that
                && algorithm == that.algorithm
                && memoryKib == that.memoryKib
                && iterations == that.iterations
                && parallelism == that.parallelism
                && cost == that.cost;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, memoryKib, iterations, parallelism, cost);
    }

    /** @return a description such as {@code argon2id(m=19456,t=2,p=1)} */
    @Override
    public String toString() {
        return switch (algorithm) {
            case ARGON2ID -> "argon2id(m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + ")";
            case BCRYPT -> "bcrypt(cost=" + cost + ")";
            case PBKDF2_SHA256 -> "pbkdf2-sha256(i=" + iterations + ")";
        };
    }
}
