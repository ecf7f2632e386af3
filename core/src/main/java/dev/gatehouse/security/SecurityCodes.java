package dev.gatehouse.security;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates single-use security codes (password-reset and e-mail-confirmation links) and hashes them for storage.
 *
 * <p>A code is {@value #LENGTH} characters drawn uniformly from a 32-letter alphabet of lowercase letters and digits
 * without the easily confused {@code i}, {@code l}, {@code o} and {@code u} ({@value #ALPHABET}), so it carries
 * 160 bits of entropy, is URL-safe and survives being read aloud or retyped.
 *
 * <p>Only the {@linkplain #hash(String) hash} of a code is stored. A fast, unsalted SHA-256 is right here, unlike for
 * passwords: a code has 160 random bits, so guessing it from its hash costs about 2^160 hash evaluations however
 * fast each one is, and precomputed tables over that space cannot exist. Slow, salted hashes only protect
 * low-entropy secrets chosen by people. Being deterministic, the hash also lets a store find a code by equality.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SecurityCodes {
    /** Length of a generated code, in characters. */
    public static final int LENGTH = 32;
    /** The characters codes are made of: lowercase letters and digits without {@code i, l, o, u}. */
    public static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private final SecureRandom random;

    private SecurityCodes(SecureRandom random) {
        this.random = random;
    }

    /**
     * Security codes drawn from a new {@link SecureRandom}.
     *
     * @return the generator, never null
     */
    public static SecurityCodes create() {
        return new SecurityCodes(new SecureRandom());
    }

    /**
     * Security codes drawn from {@code random}.
     *
     * @param random the source of randomness; not null
     * @return the generator, never null
     * @throws InvalidInputException if {@code random} is null
     */
    public static SecurityCodes create(SecureRandom random) {
        return new SecurityCodes(Checks.notNull(random, "secure random"));
    }

    /**
     * Generates a fresh code of {@value #LENGTH} characters from {@link #ALPHABET} (160 bits of entropy).
     *
     * @return the code, never null; hand it to the user and store only {@link #hash(String)} of it
     */
    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * The hash to store for a code: the lowercase hexadecimal SHA-256 of its UTF-8 bytes (64 characters). Codes are
     * compared exactly, case included.
     *
     * @param code the code; not null, not empty
     * @return the hash, never null
     * @throws InvalidInputException if {@code code} is null or empty
     */
    public static String hash(String code) {
        Checks.notNull(code, "security code");
        if (code.isEmpty()) {
            throw new InvalidInputException("security code must not be empty");
        }
        return HexFormat.of().formatHex(sha256().digest(code.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Tells, in constant time, whether {@code code} is the code whose {@link #hash(String)} is {@code storedHash}.
     *
     * @param code the presented code; not null (an empty code never matches)
     * @param storedHash the stored hash; not null (a malformed one never matches)
     * @return whether they match
     * @throws InvalidInputException if an argument is null
     */
    public static boolean matches(String code, String storedHash) {
        Checks.notNull(code, "security code");
        Checks.notNull(storedHash, "stored hash");
        if (code.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(code).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** @return a description without any code */
    @Override
    public String toString() {
        return "SecurityCodes[length=" + LENGTH + ", alphabet=" + ALPHABET.length() + " symbols]";
    }
}
