package org.banyan.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * BIF keystore version 2: a private key encrypted under a password, as JSON text.
 *
 * <pre>
 * {"address":"did:bid:ef…","aesctr_iv":"&lt;hex 16&gt;","cypher_text":"&lt;hex&gt;",
 *  "scrypt_params":{"n":16384,"p":1,"r":8,"salt":"&lt;hex 32&gt;"},"version":2}
 * </pre>
 *
 * <p>The derivation matches the official Java SDK ({@code cn.bif.module.encryption.crypto.keystore.KeyStore}
 * and {@code cn.bif.utils.aes.AesCtr}): key = scrypt(UTF-8 password, salt, n, r, p, 32 bytes); the
 * plaintext, the encoded private key text ({@code pri…}), is encrypted with AES in CTR mode under the
 * whole 32-byte key (so AES-256, although the field is named {@code aesctr}) and the 16-byte IV. The
 * SDK writes upper-case hex and the JavaScript SDK lower-case; we write lower-case and read both.
 * There is no MAC: a wrong password is detected because the decrypted text must be a private key
 * whose address equals {@code address}. scrypt parameters are read from the file, so they are capped
 * to keep a hostile keystore from exhausting memory.
 */
public final class Keystore {

    /** The keystore format version this class reads and writes. */
    public static final int VERSION = 2;

    /** scrypt cost {@code n} the SDK uses: 16 MiB of memory with {@code r = 8}. */
    static final int DEFAULT_SCRYPT_COST = 16384;

    /** scrypt block size {@code r} the SDK uses. */
    static final int DEFAULT_SCRYPT_BLOCK_SIZE = 8;

    /** scrypt parallelism {@code p} the SDK uses. */
    static final int DEFAULT_SCRYPT_PARALLELISM = 1;

    /** Salt length the SDK uses. */
    static final int SALT_LENGTH_BYTES = 32;

    /** AES block size, hence the CTR initial counter block length. */
    static final int IV_LENGTH_BYTES = 16;

    /** scrypt output length; all of it is the AES key. */
    static final int DERIVED_KEY_LENGTH_BYTES = 32;

    /** Most memory scrypt may use ({@code 128·r·n}): 8x the SDK default, so a hostile file cannot fill the heap. */
    static final long MAX_SCRYPT_MEMORY_BYTES = 128L << 20;

    /** Largest scrypt {@code p}: work grows linearly with it, and 16 is far above anything in use. */
    static final int MAX_SCRYPT_PARALLELISM = 16;

    /** Longest keystore text accepted: a real one is about 400 characters. */
    static final int MAX_JSON_LENGTH_CHARS = 4096;

    private static final String WRONG_PASSWORD = "wrong password or corrupted keystore";
    private static final Set<String> MEMBERS =
            Set.of("address", "aesctr_iv", "cypher_text", "scrypt_params", "version");
    private static final Set<String> SCRYPT_MEMBERS = Set.of("n", "p", "r", "salt");

    private Keystore() {
    }

    /** Encrypts the key under the password with the SDK's default scrypt parameters and fresh salt and IV. */
    public static String encrypt(final PrivateKey key, final char[] password, final SecureRandom random) {
        final byte[] salt = new byte[SALT_LENGTH_BYTES];
        random.nextBytes(salt);
        final byte[] iv = new byte[IV_LENGTH_BYTES];
        random.nextBytes(iv);
        final ScryptParameters parameters =
                new ScryptParameters(DEFAULT_SCRYPT_COST, DEFAULT_SCRYPT_BLOCK_SIZE, DEFAULT_SCRYPT_PARALLELISM, salt);
        final byte[] plainText = key.encoded().getBytes(StandardCharsets.US_ASCII);
        final byte[] cypherText = applyCipher(password, parameters, iv, plainText);
        return "{\"address\":\"" + key.publicKey().address()
                + "\",\"aesctr_iv\":\"" + Hex.encode(iv)
                + "\",\"cypher_text\":\"" + Hex.encode(cypherText)
                + "\",\"scrypt_params\":{\"n\":" + parameters.cost
                + ",\"p\":" + parameters.parallelism
                + ",\"r\":" + parameters.blockSize
                + ",\"salt\":\"" + Hex.encode(salt)
                + "\"},\"version\":" + VERSION + "}";
    }

    /**
     * Decrypts a version 2 keystore.
     *
     * @throws IllegalArgumentException {@code "wrong password or corrupted keystore"} if the password does
     *     not open it, or a message naming the problem if the text is not a valid version 2 keystore
     */
    public static PrivateKey decrypt(final String json, final char[] password) {
        if (json.length() > MAX_JSON_LENGTH_CHARS) {
            throw new IllegalArgumentException(
                    "a keystore has at most " + MAX_JSON_LENGTH_CHARS + " characters, got " + json.length());
        }
        final Map<String, Object> document = KeystoreJson.readObject(json);
        final long version = member(document, "version", Long.class);
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    "unsupported keystore version " + version + "; only version " + VERSION + " is supported");
        }
        requireMembers(document, MEMBERS, "keystore");
        final Address address = Address.parse(member(document, "address", String.class));
        final byte[] iv = Hex.decode(member(document, "aesctr_iv", String.class));
        if (iv.length != IV_LENGTH_BYTES) {
            throw new IllegalArgumentException("aesctr_iv must be " + IV_LENGTH_BYTES + " bytes, got " + iv.length);
        }
        final byte[] cypherText = Hex.decode(member(document, "cypher_text", String.class));
        final ScryptParameters parameters = ScryptParameters.read(member(document, "scrypt_params", Map.class));
        final byte[] plainText = applyCipher(password, parameters, iv, cypherText);
        final PrivateKey key = parseDecrypted(plainText);
        final Address derived = address.acCode().map(key.publicKey()::address).orElseGet(key.publicKey()::address);
        if (!derived.equals(address)) {
            throw new IllegalArgumentException(WRONG_PASSWORD);
        }
        return key;
    }

    /** Checks scrypt parameters read from a file against what BouncyCastle accepts and the caps above. */
    static void checkScryptParameters(final long cost, final long blockSize, final long parallelism) {
        if (cost < 2 || cost > Integer.MAX_VALUE || Long.bitCount(cost) != 1) {
            throw new IllegalArgumentException("scrypt n must be a power of two greater than 1, got " + cost);
        }
        if (blockSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException(
                    "scrypt r and p must be positive, got r=" + blockSize + " p=" + parallelism);
        }
        if (parallelism > MAX_SCRYPT_PARALLELISM) {
            throw new IllegalArgumentException(
                    "scrypt p is at most " + MAX_SCRYPT_PARALLELISM + ", got " + parallelism);
        }
        if (blockSize > MAX_SCRYPT_MEMORY_BYTES / 128 / cost) {
            throw new IllegalArgumentException("scrypt n=" + cost + " r=" + blockSize + " needs more than "
                    + (MAX_SCRYPT_MEMORY_BYTES >> 20) + " MiB");
        }
    }

    private static PrivateKey parseDecrypted(final byte[] plainText) {
        for (final byte character : plainText) {
            if (character < 0x21 || character > 0x7E) {
                throw new IllegalArgumentException(WRONG_PASSWORD);
            }
        }
        try {
            return PrivateKey.parse(new String(plainText, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WRONG_PASSWORD, e);
        }
    }

    private static byte[] applyCipher(
            final char[] password, final ScryptParameters parameters, final byte[] iv, final byte[] input) {
        final byte[] passwordBytes = utf8(password);
        final byte[] key = SCrypt.generate(passwordBytes, parameters.salt, parameters.cost, parameters.blockSize,
                parameters.parallelism, DERIVED_KEY_LENGTH_BYTES);
        try {
            final CTRModeCipher cipher = SICBlockCipher.newInstance(AESEngine.newInstance());
            cipher.init(true, new ParametersWithIV(new KeyParameter(key), iv));
            final byte[] output = new byte[input.length];
            cipher.processBytes(input, 0, input.length, output, 0);
            return output;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] utf8(final char[] password) {
        final ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        final byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    private static void requireMembers(final Map<String, ?> object, final Set<String> expected, final String what) {
        if (!object.keySet().equals(expected)) {
            throw new IllegalArgumentException(what + " must have exactly the members "
                    + expected.stream().sorted().toList() + ", got " + object.keySet().stream().sorted().toList());
        }
    }

    private static <T> T member(final Map<String, ?> object, final String name, final Class<T> type) {
        final Object value = Optional.ofNullable(object.get(name))
                .orElseThrow(() -> new IllegalArgumentException("keystore member \"" + name + "\" is missing"));
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("keystore member \"" + name + "\" has the wrong type");
        }
        return type.cast(value);
    }

    /** scrypt parameters as stored in {@code scrypt_params}. */
    private record ScryptParameters(int cost, int blockSize, int parallelism, byte[] salt) {

        static ScryptParameters read(final Map<?, ?> object) {
            @SuppressWarnings("unchecked")
            final Map<String, Object> members = (Map<String, Object>) object;
            requireMembers(members, SCRYPT_MEMBERS, "scrypt_params");
            final long cost = member(members, "n", Long.class);
            final long blockSize = member(members, "r", Long.class);
            final long parallelism = member(members, "p", Long.class);
            checkScryptParameters(cost, blockSize, parallelism);
            final byte[] salt = Hex.decode(member(members, "salt", String.class));
            return new ScryptParameters((int) cost, (int) blockSize, (int) parallelism, salt);
        }
    }
}
