package dev.gatehouse.security;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** A parsed password hash string; parsing never throws. */
sealed interface StoredHash {
    int MIN_SALT_BYTES = 8;
    int MAX_SALT_BYTES = 64;
    int MIN_HASH_BYTES = 16;
    int MAX_HASH_BYTES = 64;
    String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    Pattern ARGON2 = Pattern.compile("\\$(argon2id|argon2i|argon2d)\\$(?:v=(16|19)\\$)?"
            + "m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$([A-Za-z0-9+/]{8,})\\$([A-Za-z0-9+/]{8,})");
    Pattern BCRYPT = Pattern.compile("\\$(2a|2b|2y)\\$(\\d\\d)\\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})");
    Pattern PBKDF2 = Pattern.compile("\\$pbkdf2-sha256\\$i=(\\d{1,10})\\$([A-Za-z0-9+/]{8,})\\$([A-Za-z0-9+/]{8,})");

    /** Argon2 in PHC format; {@code type} and {@code version} use Bouncy Castle's constants. */
    record Argon2(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash)
            implements StoredHash {}

    /** bcrypt in modular crypt format; {@code checksum} is the 31-character hash part. */
    record Bcrypt(String version, int cost, byte[] salt, String checksum) implements StoredHash {}

    /** PBKDF2-HMAC-SHA256 in this library's PHC-style format. */
    record Pbkdf2(int iterations, byte[] salt, byte[] hash) implements StoredHash {}

    /** @return the parsed hash, or empty when the string is not a well-formed hash within this library's limits */
    static Optional<StoredHash> parse(String stored) {
        if (stored.length() > 512) {
            return Optional.empty();
        }
        try {
            Matcher m = ARGON2.matcher(stored);
            if (m.matches()) {
                return argon2(m);
            }
            m = BCRYPT.matcher(stored);
            if (m.matches()) {
                return bcrypt(m);
            }
            m = PBKDF2.matcher(stored);
            if (m.matches()) {
                return pbkdf2(m);
            }
        } catch (IllegalArgumentException e) {
            // a bad Base64 length or a number out of range: malformed
        }
        return Optional.empty();
    }

    private static Optional<StoredHash> argon2(Matcher m) {
        int type = switch (m.group(1)) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = "19".equals(m.group(2)) ? Argon2Parameters.ARGON2_VERSION_13 : Argon2Parameters.ARGON2_VERSION_10;
        long memory = Long.parseLong(m.group(3));
        long iterations = Long.parseLong(m.group(4));
        long parallelism = Long.parseLong(m.group(5));
        byte[] salt = base64(m.group(6));
        byte[] hash = base64(m.group(7));
        if (parallelism < 1
                || parallelism > PasswordPolicy.MAX_ARGON2_PARALLELISM
                || iterations < PasswordPolicy.MIN_ARGON2_ITERATIONS
                || iterations > PasswordPolicy.MAX_ARGON2_ITERATIONS
                || memory < 8 * parallelism
                || memory > PasswordPolicy.MAX_ARGON2_MEMORY_KIB
                || !lengthsOk(salt, hash)) {
            return Optional.empty();
        }
        return Optional.of(new Argon2(type, version, (int) memory, (int) iterations, (int) parallelism, salt, hash));
    }

    private static Optional<StoredHash> bcrypt(Matcher m) {
        int cost = Integer.parseInt(m.group(2));
        if (cost < PasswordPolicy.MIN_BCRYPT_COST || cost > PasswordPolicy.MAX_BCRYPT_COST) {
            return Optional.empty();
        }
        return Optional.of(new Bcrypt(m.group(1), cost, bcryptSalt(m.group(3)), m.group(4)));
    }

    private static Optional<StoredHash> pbkdf2(Matcher m) {
        long iterations = Long.parseLong(m.group(1));
        byte[] salt = base64(m.group(2));
        byte[] hash = base64(m.group(3));
        if (iterations < 1 || iterations > PasswordPolicy.MAX_PBKDF2_ITERATIONS || !lengthsOk(salt, hash)) {
            return Optional.empty();
        }
        return Optional.of(new Pbkdf2((int) iterations, salt, hash));
    }

    private static boolean lengthsOk(byte[] salt, byte[] hash) {
        return salt.length >= MIN_SALT_BYTES
                && salt.length <= MAX_SALT_BYTES
                && hash.length >= MIN_HASH_BYTES
                && hash.length <= MAX_HASH_BYTES;
    }

    /** Standard Base64 without padding, as PHC strings use it. */
    private static byte[] base64(String text) {
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException("bad Base64 length");
        }
        return Base64.getDecoder().decode(text);
    }

    /** Decodes bcrypt's 22-character salt (its own Base64 alphabet, no padding) into 16 bytes. */
    private static byte[] bcryptSalt(String text) {
        byte[] out = new byte[16];
        int o = 0;
        int i = 0;
        while (true) {
            int c1 = BCRYPT_ALPHABET.indexOf(text.charAt(i++));
            int c2 = BCRYPT_ALPHABET.indexOf(text.charAt(i++));
            out[o++] = (byte) ((c1 << 2) | ((c2 & 0x30) >> 4));
            if (o == out.length) {
                return out;
            }
            int c3 = BCRYPT_ALPHABET.indexOf(text.charAt(i++));
            out[o++] = (byte) (((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2));
            int c4 = BCRYPT_ALPHABET.indexOf(text.charAt(i++));
            out[o++] = (byte) (((c3 & 0x03) << 6) | c4);
        }
    }
}
