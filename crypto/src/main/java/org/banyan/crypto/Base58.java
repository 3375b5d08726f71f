package org.banyan.crypto;

import java.util.Arrays;

/**
 * Base58 in one of two alphabets: BIF's (the static {@link #encode}/{@link #decode}, for addresses and keys), which
 * swaps {@code B/b} and {@code U/u} relative to Bitcoin's, and Bitcoin's ({@link #BITCOIN}, the base58btc of
 * multibase, did:key and Data Integrity proofs).
 *
 * <p>Leading zero bytes map to leading {@code '1'} characters, so the encoding is a bijection between byte arrays
 * and strings over the alphabet. Both directions are quadratic in the input length; callers that take input from the
 * network bound its length first (as {@link Address} and {@link PrivateKey} do).
 */
public final class Base58 {

    /** The BIF alphabet; using Bitcoin's would produce addresses no BIF wallet recognises. */
    static final String ALPHABET = "123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz";

    /** Bitcoin's alphabet, the base58btc of multibase. */
    static final String BITCOIN_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** Base58 as BIF writes it. */
    public static final Base58 BIF = new Base58(ALPHABET,
            "the BIF alphabet excludes 0, O, I, l and uses b/U where Bitcoin uses B/u");

    /** base58btc: Bitcoin's alphabet, as multibase {@code z…} values use it. */
    public static final Base58 BITCOIN = new Base58(BITCOIN_ALPHABET, "base58btc excludes 0, O, I and l");

    private final char[] digitChars;
    private final int[] values = new int[128];
    private final String alphabetHint;

    private Base58(final String alphabet, final String alphabetHint) {
        this.digitChars = alphabet.toCharArray();
        this.alphabetHint = alphabetHint;
        Arrays.fill(values, -1);
        for (int digit = 0; digit < digitChars.length; digit++) {
            values[digitChars[digit]] = digit;
        }
    }

    /** Encodes bytes as BIF Base58; an empty array encodes to the empty string. */
    public static String encode(final byte[] bytes) {
        return BIF.encodeBytes(bytes);
    }

    /**
     * Decodes BIF Base58.
     *
     * @throws IllegalArgumentException if a character is outside the BIF alphabet
     */
    public static byte[] decode(final String text) {
        return BIF.decodeText(text);
    }

    /** Encodes bytes in this alphabet; an empty array encodes to the empty string. */
    public String encodeBytes(final byte[] bytes) {
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
                digits[position] = (byte) (carry % digitChars.length);
                carry /= digitChars.length;
            }
            while (carry > 0) {
                digits[digitCount++] = (byte) (carry % digitChars.length);
                carry /= digitChars.length;
            }
        }
        final char[] text = new char[leadingZeros + digitCount];
        Arrays.fill(text, 0, leadingZeros, digitChars[0]);
        for (int position = 0; position < digitCount; position++) {
            text[leadingZeros + position] = digitChars[digits[digitCount - 1 - position]];
        }
        return new String(text);
    }

    /**
     * Decodes text in this alphabet.
     *
     * @throws IllegalArgumentException if a character is outside the alphabet
     */
    public byte[] decodeText(final String text) {
        int leadingOnes = 0;
        while (leadingOnes < text.length() && text.charAt(leadingOnes) == digitChars[0]) {
            leadingOnes++;
        }
        // log(58) / log(256) < 0.733, so this many bytes always suffice.
        final byte[] bytes = new byte[text.length() * 733 / 1000 + 1];
        int byteCount = 0;
        for (int index = leadingOnes; index < text.length(); index++) {
            int carry = digitValue(text, index);
            for (int position = 0; position < byteCount; position++) {
                carry += (bytes[position] & 0xFF) * digitChars.length;
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

    private int digitValue(final String text, final int index) {
        final char character = text.charAt(index);
        final int value = character < values.length ? values[character] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("invalid Base58 character '" + character + "' at index " + index
                    + " (" + alphabetHint + ")");
        }
        return value;
    }
}
