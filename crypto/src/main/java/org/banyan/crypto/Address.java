package org.banyan.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * A BID account address: {@code did:bid:[<ac>:]<t>f<Base58(hash)>}.
 *
 * <p>The hash is the last 22 bytes of SHA-256 (Ed25519) or SM3 (SM2) of the raw public key; {@code t}
 * is the key type character ({@code e} or {@code z}) and {@code f} marks Base58. An SM2 address keeps
 * {@code zf} on a sub-chain too: the official Java SDK writes {@code ef} there, which is a bug. There is
 * no checksum, so an address is valid when its prefix is right and the Base58 part decodes to exactly
 * 22 bytes. Base58 is a bijection, so each address has exactly one spelling and {@link #equals} on the
 * parsed value agrees with equality of the text.
 */
public final class Address {

    /** Length of the address hash: the 176-bit account space of RFC-003 §4.2. */
    public static final int HASH_LENGTH_BYTES = 22;

    private static final char BASE58_MARKER = (char) KeyType.ENCODING_MARKER;

    private final KeyType keyType;
    private final byte[] hash;
    private final Optional<String> acCode;
    private final String text;

    private Address(final KeyType keyType, final byte[] hash, final Optional<String> acCode) {
        this(keyType, hash, acCode, BidSyntax.METHOD_PREFIX + acCode.map(code -> code + ':').orElse("")
                + keyType.code() + BASE58_MARKER + Base58.encode(hash));
    }

    /** For a parsed address: Base58 is a bijection, so the parsed text is the canonical text. */
    private Address(final KeyType keyType, final byte[] hash, final Optional<String> acCode, final String text) {
        this.keyType = keyType;
        this.hash = hash;
        this.acCode = acCode;
        this.text = text;
    }

    /**
     * Parses an account address.
     *
     * @throws IllegalArgumentException with the reason if the text is not a valid account address
     */
    public static Address parse(final String bid) {
        if (!bid.startsWith(BidSyntax.METHOD_PREFIX)) {
            throw new IllegalArgumentException("a BID address must start with '" + BidSyntax.METHOD_PREFIX + "'");
        }
        final String identifier = bid.substring(BidSyntax.METHOD_PREFIX.length());
        final int separator = identifier.indexOf(':');
        final Optional<String> acCode = separator < 0
                ? Optional.empty()
                : Optional.of(requireAcCode(identifier.substring(0, separator)));
        final String suffix = separator < 0 ? identifier : identifier.substring(separator + 1);
        if (suffix.length() > BidSyntax.SUFFIX_MAX_LENGTH) {
            throw new IllegalArgumentException("a BID address suffix has at most " + BidSyntax.SUFFIX_MAX_LENGTH
                    + " characters, got " + suffix.length());
        }
        final Optional<KeyType> keyType = suffix.length() >= 2 && suffix.charAt(1) == BASE58_MARKER
                ? KeyType.fromCode(suffix.charAt(0))
                : Optional.empty();
        if (keyType.isEmpty()) {
            throw new IllegalArgumentException("a BID address suffix must start with 'ef' (Ed25519) or 'zf' (SM2),"
                    + " got '" + suffix.substring(0, Math.min(2, suffix.length())) + "'");
        }
        final byte[] hash = Base58.decode(suffix.substring(2));
        if (hash.length != HASH_LENGTH_BYTES) {
            throw new IllegalArgumentException("a BID address hash must decode to " + HASH_LENGTH_BYTES
                    + " bytes, got " + hash.length);
        }
        return new Address(keyType.get(), hash, acCode, bid);
    }

    /** Parses an account address, or empty if the text is not one. */
    public static Optional<Address> tryParse(final String bid) {
        try {
            return Optional.of(parse(bid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * An address from its parts.
     *
     * @throws IllegalArgumentException if the hash is not 22 bytes or the AC code is not 4 lower-case
     *     letters or digits
     */
    public static Address of(final KeyType keyType, final byte[] hash22, final Optional<String> acCode) {
        if (hash22.length != HASH_LENGTH_BYTES) {
            throw new IllegalArgumentException(
                    "an address hash has " + HASH_LENGTH_BYTES + " bytes, got " + hash22.length);
        }
        acCode.ifPresent(Address::requireAcCode);
        return new Address(keyType, hash22.clone(), acCode);
    }

    /** The address hash of a raw public key: the last 22 bytes of its SHA-256 (Ed25519) or SM3 (SM2) digest. */
    static byte[] hashOf(final KeyType keyType, final byte[] rawPublicKey) {
        final byte[] digest = keyType == KeyType.SM2 ? Hashes.sm3(rawPublicKey) : Hashes.sha256(rawPublicKey);
        return Arrays.copyOfRange(digest, digest.length - HASH_LENGTH_BYTES, digest.length);
    }

    /** The type of the key the address was derived from. */
    public KeyType keyType() {
        return keyType;
    }

    /** The sub-chain AC code, empty for a main-chain address. */
    public Optional<String> acCode() {
        return acCode;
    }

    /** A copy of the 22-byte hash. */
    public byte[] hash() {
        return hash.clone();
    }

    /** The BID text, {@code did:bid:[<ac>:]ef…} or {@code …zf…}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Address && text.equals(((Address) other).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private static String requireAcCode(final String acCode) {
        if (acCode.length() != BidSyntax.AC_CODE_LENGTH) {
            throw new IllegalArgumentException("an AC code has exactly " + BidSyntax.AC_CODE_LENGTH
                    + " characters, got " + acCode.length());
        }
        if (!BidSyntax.isAcCode(acCode)) {
            throw new IllegalArgumentException("an AC code is lower-case letters or digits, got '" + acCode + "'");
        }
        return acCode;
    }
}
