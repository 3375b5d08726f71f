package org.banyan.crypto;

/** Hexadecimal codec: encodes lower-case, decodes either case (BIF clients send both). */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Encodes bytes as lower-case hex. */
    public static String encode(final byte[] bytes) {
        final char[] text = new char[bytes.length * 2];
        for (int index = 0; index < bytes.length; index++) {
            text[2 * index] = DIGITS[(bytes[index] >>> 4) & 0x0F];
            text[2 * index + 1] = DIGITS[bytes[index] & 0x0F];
        }
        return new String(text);
    }

    /**
     * Decodes hex in upper, lower or mixed case.
     *
     * @throws IllegalArgumentException on an odd length or a non-hex character
     */
    public static byte[] decode(final String text) {
        if (text.length() % 2 != 0) {
            throw new IllegalArgumentException("hex text must have an even length, got " + text.length());
        }
        final byte[] bytes = new byte[text.length() / 2];
        for (int index = 0; index < bytes.length; index++) {
            bytes[index] = (byte) ((nibble(text, 2 * index) << 4) | nibble(text, 2 * index + 1));
        }
        return bytes;
    }

    private static int nibble(final String text, final int index) {
        final char character = text.charAt(index);
        if (character >= '0' && character <= '9') {
            return character - '0';
        }
        if (character >= 'a' && character <= 'f') {
            return character - 'a' + 10;
        }
        if (character >= 'A' && character <= 'F') {
            return character - 'A' + 10;
        }
        throw new IllegalArgumentException("invalid hex character '" + character + "' at index " + index);
    }
}
