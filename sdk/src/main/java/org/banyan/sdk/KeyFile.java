package org.banyan.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.Keystore;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;

/**
 * An account key as JSON {@code {"address","public_key","private_key"}}: what {@code banyan key generate} prints and
 * the dev node writes to {@code keys/genesis-account.json}.
 *
 * <p>The three fields are checked against each other on construction, so a key file whose address does not belong to
 * its key cannot exist. {@link #toString()} never shows the private key.
 */
public record KeyFile(String address, String publicKey, String privateKey) {

    /** Largest key file {@link #load} reads: a real one is under 300 bytes, so anything bigger is not a key file. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Owner read/write only: the file holds a private key in the clear. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Checks that the public key and address belong to the private key. */
    public KeyFile {
        PrivateKey key = parsePrivateKey(privateKey);
        PublicKey derived = key.publicKey();
        PublicKey given = parsePublicKey(publicKey);
        if (!derived.equals(given)) {
            throw new IllegalArgumentException("public_key " + publicKey + " does not belong to the private key");
        }
        Address parsedAddress = parseAddress(address);
        Address expected = parsedAddress.acCode().map(derived::address).orElseGet(derived::address);
        if (!expected.toString().equals(parsedAddress.toString())) {
            throw new IllegalArgumentException("address " + address + " does not belong to the key; expected " + expected);
        }
    }

    /** The key file of a private key, with a main-chain address (no AC code). */
    public static KeyFile of(final PrivateKey key) {
        return of(key, Optional.empty());
    }

    /** The key file of a private key, with an address in the sub-chain of {@code acCode} when present. */
    public static KeyFile of(final PrivateKey key, final Optional<String> acCode) {
        PublicKey publicKey = key.publicKey();
        Address address = acCode.map(publicKey::address).orElseGet(publicKey::address);
        return new KeyFile(address.toString(), publicKey.encoded(), key.encoded());
    }

    /** Generates a fresh key of the given type. */
    public static KeyFile generate(final KeyType type, final Optional<String> acCode, final SecureRandom random) {
        return of(PrivateKey.generate(type, random), acCode);
    }

    /** Imports a BIF encoded private key ({@code pri…}). */
    public static KeyFile fromPrivateKey(final String encodedPrivateKey, final Optional<String> acCode) {
        return of(parsePrivateKey(encodedPrivateKey), acCode);
    }

    /** Decrypts a BIF keystore (version 2) with the password. */
    public static KeyFile fromKeystore(final String keystoreJson, final char[] password, final Optional<String> acCode) {
        return of(Keystore.decrypt(keystoreJson, password), acCode);
    }

    /** Encrypts this key as a BIF keystore (version 2) JSON text. */
    public String toKeystore(final char[] password, final SecureRandom random) {
        return Keystore.encrypt(signingKey(), password, random);
    }

    /** The private key, for signing. */
    public PrivateKey signingKey() {
        return parsePrivateKey(privateKey);
    }

    /** The key type (Ed25519 or SM2). */
    public KeyType type() {
        return signingKey().type();
    }

    /** Parses the key-file JSON; unknown fields are ignored. */
    public static KeyFile fromJson(final String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("key file is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("key file must be a JSON object with address, public_key and private_key");
        }
        return new KeyFile(field(root, "address"), field(root, "public_key"), field(root, "private_key"));
    }

    /** Renders the key-file JSON, pretty-printed. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("address", address);
        root.put("public_key", publicKey);
        root.put("private_key", privateKey);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a three-string JSON object", e);
        }
    }

    /**
     * Reads a key file.
     *
     * @throws IllegalArgumentException when the file is too big or is not a valid key file
     * @throws UncheckedIOException when the file cannot be read
     */
    public static KeyFile load(final Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("key file " + file + " is " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " a key file can be");
            }
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the key file, readable by its owner only where the file system supports POSIX permissions.
     * Never overwrites: losing a private key to a typo is not recoverable.
     *
     * @throws UncheckedIOException when the file exists or cannot be written
     */
    public void save(final Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("key file " + file + " already exists; refusing to overwrite a key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Shows the address and public key only. */
    @Override
    public String toString() {
        return "KeyFile[address=" + address + ", publicKey=" + publicKey + "]";
    }

    private static String field(final JsonNode root, final String name) {
        JsonNode value = root.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("key file is missing the string field \"" + name + "\"");
        }
        return value.textValue();
    }

    private static PrivateKey parsePrivateKey(final String encoded) {
        requireText(encoded, "private_key");
        return PrivateKey.parse(encoded);
    }

    private static PublicKey parsePublicKey(final String encoded) {
        requireText(encoded, "public_key");
        return PublicKey.parse(encoded);
    }

    private static Address parseAddress(final String address) {
        requireText(address, "address");
        return Address.parse(address);
    }

    private static void requireText(final String value, final String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
