package dev.gatehouse.security;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.security.SecureRandom;

/**
 * Generates random passwords (for new accounts or resets) from a {@link SecureRandom}.
 *
 * <p>A password mixes {@linkplain #UPPERCASE uppercase} and {@linkplain #LOWERCASE lowercase} letters,
 * {@linkplain #DIGITS digits} and {@linkplain #SYMBOLS symbols}, and holds at least one character of each of these
 * four classes; the other characters are drawn uniformly from all of them, and the positions are shuffled. Quotes,
 * backslashes and spaces are left out so passwords paste cleanly into shells and forms.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RandomPasswords {
    /** Shortest password {@link #generate(int)} makes. */
    public static final int MIN_LENGTH = 8;
    /** Longest password {@link #generate(int)} makes. */
    public static final int MAX_LENGTH = 256;
    /** Uppercase letters. */
    public static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Lowercase letters. */
    public static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    /** Digits. */
    public static final String DIGITS = "0123456789";
    /** Symbols. */
    public static final String SYMBOLS = "!#$%&()*+,-./:;<=>?@[]^_{|}~";

    private static final String ALL = UPPERCASE + LOWERCASE + DIGITS + SYMBOLS;
    private static final String[] CLASSES = {UPPERCASE, LOWERCASE, DIGITS, SYMBOLS};

    private final SecureRandom random;

    private RandomPasswords(SecureRandom random) {
        this.random = random;
    }

    /**
     * Random passwords drawn from a new {@link SecureRandom}.
     *
     * @return the generator, never null
     */
    public static RandomPasswords create() {
        return new RandomPasswords(new SecureRandom());
    }

    /**
     * Random passwords drawn from {@code random}.
     *
     * @param random the source of randomness; not null
     * @return the generator, never null
     * @throws InvalidInputException if {@code random} is null
     */
    public static RandomPasswords create(SecureRandom random) {
        return new RandomPasswords(Checks.notNull(random, "secure random"));
    }

    /**
     * Generates a password with at least one uppercase letter, lowercase letter, digit and symbol.
     *
     * @param length the number of characters, from {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
     * @return the password, never null
     * @throws InvalidInputException if {@code length} is out of range
     */
    public String generate(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInputException("random password length must be between " + MIN_LENGTH + " and "
                    + MAX_LENGTH + ", got " + length);
        }
        char[] chars = new char[length];
        for (int i = 0; i < CLASSES.length; i++) {
            chars[i] = pick(CLASSES[i]);
        }
        for (int i = CLASSES.length; i < length; i++) {
            chars[i] = pick(ALL);
        }
        for (int i = length - 1; i > 0; i--) { // Fisher–Yates
            int j = random.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** @return a description without any password */
    @Override
    public String toString() {
        return "RandomPasswords[length=" + MIN_LENGTH + ".." + MAX_LENGTH + "]";
    }
}
