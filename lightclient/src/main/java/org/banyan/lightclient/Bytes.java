package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.banyan.crypto.Hex;

/** Text forms of bytes shared by the JSON codecs and the messages: lower-case hex for hashes, base64 for blobs. */
final class Bytes {

    /** Length of every hash the light client handles: SHA-256 block ids, ledger hashes and state roots. */
    static final int HASH_BYTES = 32;

    private Bytes() {
    }

    static String hex(final ByteString bytes) {
        return Hex.encode(bytes.toByteArray());
    }

    static String base64(final byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The bytes of canonical base64 text (standard alphabet, padded), or empty if the text is anything else; longer
     * text than {@code maxBytes} needs is refused before decoding.
     */
    static Optional<byte[]> fromBase64(final String text, final int maxBytes) {
        if (text.length() > base64Length(maxBytes)) {
            return Optional.empty();
        }
        final byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (final IllegalArgumentException e) {
            return Optional.empty();
        }
        // The decoder ignores stray bits in the last character; re-encoding refuses them, so each value has one text.
        return bytes.length <= maxBytes && base64(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }

    /** Decodes canonical base64 of at most {@code maxBytes} with {@code decoder}, or says what it should have been. */
    static <T> Checked<T> decodeBase64(final String text, final int maxBytes, final String what,
                                       final Function<byte[], Checked<T>> decoder) {
        return fromBase64(text, maxBytes).map(decoder).orElseGet(() ->
                Checked.invalid(what + " must be canonical base64 of at most " + maxBytes + " bytes"));
    }

    private static int base64Length(final int bytes) {
        return (bytes + 2) / 3 * 4;
    }
}
