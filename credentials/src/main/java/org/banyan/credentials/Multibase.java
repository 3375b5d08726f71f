package org.banyan.credentials;

import org.banyan.crypto.Base58;

/**
 * Multibase text in the one base that Data Integrity and {@code did:key} use: {@code z} followed by
 * base58btc.
 */
public final class Multibase {

    /** The multibase prefix of base58btc. */
    public static final char BASE58BTC_PREFIX = 'z';

    private Multibase() {
    }

    /** {@code z} + base58btc of the bytes. */
    public static String encodeBase58Btc(final byte[] bytes) {
        return BASE58BTC_PREFIX + Base58.BITCOIN.encodeBytes(bytes);
    }

    /**
     * Decodes {@code z}-prefixed base58btc text of at most {@link Limits#MAX_MULTIBASE_LENGTH_CHARS}.
     *
     * @throws IllegalArgumentException if the text is too long, lacks the prefix or is not base58btc
     */
    public static byte[] decodeBase58Btc(final String text) {
        if (text.length() > Limits.MAX_MULTIBASE_LENGTH_CHARS) {
            throw new IllegalArgumentException("a multibase value has at most " + Limits.MAX_MULTIBASE_LENGTH_CHARS
                    + " characters, got " + text.length());
        }
        if (text.isEmpty() || text.charAt(0) != BASE58BTC_PREFIX) {
            throw new IllegalArgumentException(
                    "a multibase value must start with 'z' (base58btc), got '" + text.substring(0, Math.min(1, text.length())) + "'");
        }
        return Base58.BITCOIN.decodeText(text.substring(1));
    }
}
