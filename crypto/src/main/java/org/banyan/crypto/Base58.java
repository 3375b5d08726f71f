package org.banyan.crypto;

import java.util.Arrays;

/**
 * Base58 with the BIF alphabet, which swaps {@code B/b} and {@code U/u} relative to Bitcoin's.
 *
 * <p>Leading zero bytes map to leading {@code '1'} characters exactly as in Bitcoin Base58, so the
 * encoding is a bijection between byte arrays and strings over the alphabet. Both directions are
 * quadratic in the input length; callers that take input from the network bound its length first
 * (as {@link Address} and {@link PrivateKey} do).
 */
public final class Base58 {

    /** The BIF alphabet; using Bitcoin's would produce addresses no BIF wallet recognises. */
    static final String ALPHABET = "123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final int RADIX = DIGITS.length;
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int digit = 0; digit < DIGITS.length; digit++) {
            VALUES[DIGITS[digit]] = digit;
        }
    }

    private Base58() {
    }

    /** Encodes bytes as BIF Base58; an empty array encodes to the empty string. */
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
     * Decodes BIF Base58.
     *
     * @throws IllegalArgumentException if a character is outside the BIF alphabet
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
            throw new IllegalArgumentException("invalid Base58 character '" + character + "' at index " + index
                    + " (the BIF alphabet excludes 0, O, I, l and uses b/U where Bitcoin uses B/u)");
        }
        return value;
    }
}
