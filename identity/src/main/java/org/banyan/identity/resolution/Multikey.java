package org.banyan.identity.resolution;

import java.math.BigInteger;
import java.util.Arrays;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PublicKey;

/**
 * {@code publicKeyMultibase} of a {@code Multikey} verification method (W3C CID 1.0): {@code z} (base58btc, Bitcoin's
 * alphabet, not BIF's) over the multicodec header and the key. Ed25519: header {@code 0xed 0x01} ({@code ed25519-pub})
 * and the 32-byte key, giving {@code z6Mk…}. SM2: header {@code 0x86 0x24} (the varint of {@code sm2-pub} 0x1206, a
 * draft multicodec) and the 33-byte compressed point.
 */
public final class Multikey {

    /** The multibase prefix of base58btc. */
    public static final char BASE58BTC_PREFIX = 'z';

    private static final byte[] ED25519_HEADER = {(byte) 0xed, 0x01};
    private static final byte[] SM2_HEADER = {(byte) 0x86, 0x24};
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Multikey() {
    }

    /** The {@code publicKeyMultibase} of a key. */
    public static String encode(final PublicKey key) {
        final byte[] header = key.type() == KeyType.ED25519 ? ED25519_HEADER : SM2_HEADER;
        final byte[] body = key.type() == KeyType.ED25519 ? key.raw() : compress(key.raw());
        final byte[] bytes = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, bytes, header.length, body.length);
        return BASE58BTC_PREFIX + base58btc(bytes);
    }

    /** The multicodec bytes (header and key) of a {@code z…} value; for checking what {@link #encode} wrote. */
    public static byte[] decode(final String multibase) {
        if (multibase.isEmpty() || multibase.charAt(0) != BASE58BTC_PREFIX) {
            throw new IllegalArgumentException("a base58btc multibase value starts with 'z'");
        }
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (final char character : multibase.substring(1).toCharArray()) {
            final int digit = ALPHABET.indexOf(character);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + character + "' is not a base58btc character");
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        final byte[] magnitude = value.signum() == 0 ? new byte[0] : stripSign(value.toByteArray());
        final byte[] bytes = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, bytes, leadingZeros, magnitude.length);
        return bytes;
    }

    /** An uncompressed SM2 point {@code 04 || X || Y} as {@code 02|03 || X}, the prefix carrying Y's parity. */
    private static byte[] compress(final byte[] uncompressed) {
        final int coordinateBytes = (uncompressed.length - 1) / 2;
        final byte[] compressed = new byte[1 + coordinateBytes];
        compressed[0] = (byte) ((uncompressed[uncompressed.length - 1] & 1) == 0 ? 0x02 : 0x03);
        System.arraycopy(uncompressed, 1, compressed, 1, coordinateBytes);
        return compressed;
    }

    private static String base58btc(final byte[] bytes) {
        final StringBuilder text = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            final BigInteger[] division = value.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int index = 0; index < bytes.length && bytes[index] == 0; index++) {
            text.append(ALPHABET.charAt(0));
        }
        return text.reverse().toString();
    }

    private static byte[] stripSign(final byte[] twosComplement) {
        return twosComplement[0] == 0 ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }
}
