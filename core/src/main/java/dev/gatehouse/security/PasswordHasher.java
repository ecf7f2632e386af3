package dev.gatehouse.security;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Hashes passwords under a {@link PasswordPolicy} and verifies stored hashes of every supported algorithm.
 *
 * <p>Passwords are encoded as UTF-8. Every hash has a fresh 16-byte salt from a {@link SecureRandom}; Argon2id and
 * PBKDF2 produce 32-byte hashes. The stored formats are:
 *
 * <ul>
 *   <li>Argon2id, the PHC string format: {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>};
 *   <li>PBKDF2-HMAC-SHA256, this library's PHC-style format: {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>};
 *   <li>bcrypt, the modular crypt format: {@code $2b$<cost>$<22-char salt><31-char hash>}.
 * </ul>
 *
 * <p>Salts and hashes in the PHC formats are standard Base64 without padding. {@link #verify} also accepts
 * {@code $argon2i$} and {@code $argon2d$} (versions 16 and 19) and bcrypt's {@code $2a$} and {@code $2y$} prefixes,
 * so hashes imported from other systems keep working; {@link #needsRehash} reports them for upgrade.
 *
 * <p><b>bcrypt and long passwords.</b> bcrypt reads only the first 72 bytes of a password. {@link #hash} therefore
 * rejects passwords longer than 72 UTF-8 bytes when the policy is bcrypt, rather than silently ignoring their tail;
 * {@link #verify} applies bcrypt's standard truncation so hashes made elsewhere still verify.
 *
 * <p>Passwords are between 1 and {@value #MAX_PASSWORD_LENGTH} characters; no password, nor anything derived from
 * one, ever appears in an exception message or in {@link #toString()}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PasswordHasher {
    /** Longest accepted password, in UTF-16 characters. */
    public static final int MAX_PASSWORD_LENGTH = 4096;
    /** Longest password bcrypt reads, in UTF-8 bytes. */
    public static final int BCRYPT_MAX_PASSWORD_BYTES = 72;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();

    private final PasswordPolicy policy;
    private final SecureRandom random;

    private PasswordHasher(PasswordPolicy policy, SecureRandom random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * A hasher that draws salts from a new {@link SecureRandom}.
     *
     * @param policy how new hashes are made; not null
     * @return the hasher, never null
     * @throws InvalidInputException if {@code policy} is null
     */
    public static PasswordHasher create(PasswordPolicy policy) {
        return create(policy, new SecureRandom());
    }

    /**
     * A hasher that draws salts from {@code random}.
     *
     * @param policy how new hashes are made; not null
     * @param random the salt source; not null, shared safely between threads
     * @return the hasher, never null
     * @throws InvalidInputException if an argument is null
     */
    public static PasswordHasher create(PasswordPolicy policy, SecureRandom random) {
        Checks.notNull(policy, "password policy");
        Checks.notNull(random, "secure random");
        return new PasswordHasher(policy, random);
    }

    /** @return the policy new hashes follow, never null */
    public PasswordPolicy policy() {
        return policy;
    }

    /**
     * Hashes a password with a fresh salt under this hasher's policy.
     *
     * @param password the password, 1 to {@value #MAX_PASSWORD_LENGTH} characters of valid UTF-16 (and at most
     *     {@value #BCRYPT_MAX_PASSWORD_BYTES} UTF-8 bytes under a bcrypt policy); not null
     * @return the encoded hash (see the class description), never null
     * @throws InvalidInputException if the password is null, empty, too long or not valid UTF-16; the message names
     *     the problem, never the password
     */
    public String hash(CharSequence password) {
        Checks.notNull(password, "password");
        if (password.isEmpty()) {
            throw new InvalidInputException("password must not be empty");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException("password must be at most " + MAX_PASSWORD_LENGTH
                    + " characters, got " + password.length());
        }
        byte[] bytes = utf8(password)
                .orElseThrow(() -> new InvalidInputException(
                        "password must be valid UTF-16 text, but it contains an unpaired surrogate character"));
        try {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            return switch (policy.algorithm()) {
                case ARGON2ID -> {
                    byte[] hash = argon2(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                            policy.memoryKib(), policy.iterations(), policy.parallelism(), salt, bytes, HASH_BYTES);
                    yield "$argon2id$v=19$m=" + policy.memoryKib() + ",t=" + policy.iterations() + ",p="
                            + policy.parallelism() + "$" + PHC_BASE64.encodeToString(salt) + "$"
                            + PHC_BASE64.encodeToString(hash);
                }
                case BCRYPT -> {
                    if (bytes.length > BCRYPT_MAX_PASSWORD_BYTES) {
                        throw new InvalidInputException("password must be at most " + BCRYPT_MAX_PASSWORD_BYTES
                                + " bytes in UTF-8 for bcrypt, got " + bytes.length + " bytes");
                    }
                    yield OpenBSDBCrypt.generate("2b", bytes, salt, policy.cost());
                }
                case PBKDF2_SHA256 -> {
                    byte[] hash = pbkdf2(bytes, salt, policy.iterations(), HASH_BYTES);
                    yield "$pbkdf2-sha256$i=" + policy.iterations() + "$" + PHC_BASE64.encodeToString(salt) + "$"
                            + PHC_BASE64.encodeToString(hash);
                }
            };
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Checks a password against a stored hash of any supported format, whatever this hasher's policy. The
     * comparison is constant-time. A stored hash that is malformed, of an unknown algorithm or with parameters
     * beyond this library's limits does not verify; an empty or over-long password, or one that is not valid
     * UTF-16, never verifies.
     *
     * @param password the candidate password; not null
     * @param storedHash the stored hash; not null
     * @return whether the password matches; never throws for a malformed stored hash
     * @throws InvalidInputException if an argument is null
     */
    public boolean verify(CharSequence password, String storedHash) {
        Checks.notNull(password, "password");
        Checks.notNull(storedHash, "stored hash");
        if (password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        Optional<StoredHash> parsed = StoredHash.parse(storedHash);
        if (parsed.isEmpty()) {
            return false;
        }
        Optional<byte[]> encoded = utf8(password);
        if (encoded.isEmpty()) {
            return false;
        }
        byte[] bytes = encoded.get();
        try {
            return switch (parsed.get()) {
                case StoredHash.Argon2 a -> MessageDigest.isEqual(a.hash(), argon2(a.type(), a.version(),
                        a.memoryKib(), a.iterations(), a.parallelism(), a.salt(), bytes, a.hash().length));
                case StoredHash.Pbkdf2 p -> MessageDigest.isEqual(
                        p.hash(), pbkdf2(bytes, p.salt(), p.iterations(), p.hash().length));
                case StoredHash.Bcrypt b -> {
                    String computed = OpenBSDBCrypt.generate(b.version(), bytes, b.salt(), b.cost());
                    yield MessageDigest.isEqual(
                            b.checksum().getBytes(StandardCharsets.US_ASCII),
                            computed.substring(computed.length() - 31).getBytes(StandardCharsets.US_ASCII));
                }
            };
        } catch (RuntimeException e) {
            return false; // a parameter combination the implementation refuses: treat as malformed
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Tells whether a stored hash should be replaced by a new one under this hasher's policy: true when its
     * algorithm, its parameters (Argon2 version, memory, iterations and parallelism; bcrypt cost; PBKDF2
     * iterations) or its salt or hash length differ from what {@link #hash} produces now, and true when the hash
     * cannot be parsed. bcrypt's {@code $2a$}, {@code $2b$} and {@code $2y$} prefixes count as the same algorithm.
     * Call it after a successful {@link #verify} and store {@code hash(password)} when it answers true.
     *
     * @param storedHash the stored hash; not null
     * @return whether to rehash
     * @throws InvalidInputException if {@code storedHash} is null
     */
    public boolean needsRehash(String storedHash) {
        Checks.notNull(storedHash, "stored hash");
        Optional<StoredHash> parsed = StoredHash.parse(storedHash);
        if (parsed.isEmpty()) {
            return true;
        }
        boolean current = switch (parsed.get()) {
            case StoredHash.Argon2 a -> policy.algorithm() == PasswordPolicy.Algorithm.ARGON2ID
                    && a.type() == Argon2Parameters.ARGON2_id
                    && a.version() == Argon2Parameters.ARGON2_VERSION_13
                    && a.memoryKib() == policy.memoryKib()
                    && a.iterations() == policy.iterations()
                    && a.parallelism() == policy.parallelism()
                    && a.salt().length == SALT_BYTES
                    && a.hash().length == HASH_BYTES;
            case StoredHash.Bcrypt b -> policy.algorithm() == PasswordPolicy.Algorithm.BCRYPT
                    && b.cost() == policy.cost();
            case StoredHash.Pbkdf2 p -> policy.algorithm() == PasswordPolicy.Algorithm.PBKDF2_SHA256
                    && p.iterations() == policy.iterations()
                    && p.salt().length == SALT_BYTES
                    && p.hash().length == HASH_BYTES;
        };
        return !current;
    }

    private static byte[] argon2(int type, int version, int memoryKib, int iterations, int parallelism,
            byte[] salt, byte[] password, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedMacParameters(length * 8)).getKey();
    }

    /** @return the UTF-8 bytes, or empty when the text holds an unpaired surrogate */
    private static Optional<byte[]> utf8(CharSequence text) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            if (buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
            return Optional.of(bytes);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** @return a description naming the policy, never a secret */
    @Override
    public String toString() {
        return "PasswordHasher[policy=" + policy + "]";
    }
}
