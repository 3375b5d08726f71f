package org.banyan.lightclient;

/**
 * The framing every proof's binary and base64 forms share: a kind byte first, so no other proof's bytes decode as
 * this one, a cap on the encoded size, and a name for the proof in refusals. Each proof supplies only its fields.
 */
final class ProofFormat<T> {

    /** Reads one proof's fields, between the kind byte and the end check. */
    @FunctionalInterface
    interface Fields<T> {
        T read(ProofReader reader) throws MalformedInput;
    }

    private final byte kind;
    private final int maxEncodedBytes;
    private final String what;
    private final Fields<T> fields;

    ProofFormat(final byte kind, final int maxEncodedBytes, final String what, final Fields<T> fields) {
        this.kind = kind;
        this.maxEncodedBytes = maxEncodedBytes;
        this.what = what;
        this.fields = fields;
    }

    /** A writer that has written the kind byte. */
    ProofWriter writer() {
        return new ProofWriter(kind);
    }

    /** Parses an encoding; anything else, truncated, padded or past a cap, is refused with the reason. */
    Checked<T> decode(final byte[] bytes) {
        try {
            final ProofReader reader = ProofReader.open(bytes, maxEncodedBytes, kind, what);
            final T proof = fields.read(reader);
            reader.end();
            return Checked.ok(proof);
        } catch (final MalformedInput e) {
            return Checked.invalid(e.getMessage());
        }
    }

    /** Parses an encoding in canonical base64, as JSON carries it. */
    Checked<T> fromBase64(final String base64) {
        return Bytes.decodeBase64(base64, maxEncodedBytes, what, this::decode);
    }
}
