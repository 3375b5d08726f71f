package org.banyan.credentials;

import java.util.Arrays;

/**
 * Base58 with Bitcoin's alphabet, the {@code z} base of multibase.
 *
 * <p>Not {@link org.banyan.crypto.Base58}: BIF's alphabet swaps {@code B/b} and {@code U/u}, so
 * reusing it here would produce {@code did:key} identifiers and proof values that no other
 * implementation reads. Leading zero bytes map to leading {@code '1'} characters, making the
 * encoding a bijection. Both directions are quadratic; {@link Multibase} bounds the input first.
 */
public final class Base58Btc {

    /** Bitcoin's alphabet. */
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final int RADIX = DIGITS.length;
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int digit = 0; digit < DIGITS.length; digit++) {
            VALUES[DIGITS[digit]] = digit;
        }
    }

    private Base58Btc() {
    }

    /** Encodes bytes; an empty array encodes to the empty string. */
    public static String encode(final byte[] bytes) {
        int leadingZeros = 0;
        while (leadingZeros < bytes.length && bytes[leadingZeros] == 0) {
            leadingZeros++;
        }
        // log(256) / log(58) < 1.37, so this many digits always suffice.
        final byte[] digits = new byte[bytes.length * 137 / 100 + 1];
        int digitCount = 0;
        for (int index = leadingZeros; index < bytes.length; index++) {
            int carry = bytes[index] & 0xFF;
            for (int position = 0; position < digitCount; position++) {
                carry += (digits[position] & 0xFF) << 8;
                digits[position] = (byte) (carry % RADIX);
                carry /= RADIX;
            }
            while (carry > 0) {
                digits[digitCount++] = (byte) (carry % RADIX);
                carry /= RADIX;
            }
        }
        final char[] text = new char[leadingZeros + digitCount];
        Arrays.fill(text, 0, leadingZeros, DIGITS[0]);
        for (int position = 0; position < digitCount; position++) {
            text[leadingZeros + position] = DIGITS[digits[digitCount - 1 - position]];
        }
        return new String(text);
    }

    /**
     * Decodes text.
     *
     * @throws IllegalArgumentException if a character is outside Bitcoin's alphabet
     */
    public static byte[] decode(final String text) {
        int leadingOnes = 0;
        while (leadingOnes < text.length() && text.charAt(leadingOnes) == DIGITS[0]) {
            leadingOnes++;
        }
        // log(58) / log(256) < 0.733, so this many bytes always suffice.
        final byte[] bytes = new byte[text.length() * 733 / 1000 + 1];
        int byteCount = 0;
        for (int index = leadingOnes; index < text.length(); index++) {
            int carry = digitValue(text, index);
            for (int position = 0; position < byteCount; position++) {
                carry += (bytes[position] & 0xFF) * RADIX;
                bytes[position] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[byteCount++] = (byte) carry;
                carry >>>= 8;
            }
        }
        final byte[] result = new byte[leadingOnes + byteCount];
        for (int position = 0; position < byteCount; position++) {
            result[leadingOnes + position] = bytes[byteCount - 1 - position];
        }
        return result;
    }

    private static int digitValue(final String text, final int index) {
        final char character = text.charAt(index);
        final int value = character < VALUES.length ? VALUES[character] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("invalid base58btc character '" + character + "' at index " + index
                    + " (Bitcoin's alphabet excludes 0, O, I and l)");
        }
        return value;
    }
}
