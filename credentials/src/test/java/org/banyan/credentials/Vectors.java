package org.banyan.credentials;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.banyan.crypto.PrivateKey;

/** Reads the published test vectors under {@code src/test/resources/vectors}. */
final class Vectors {

    /** The key pair of vc-di-eddsa Appendix B. */
    static final PrivateKey KEY = Multikey.decodePrivateKey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");

    /** The verification method of the REC vectors. */
    static final String METHOD = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
            + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    /** The proof creation time of the REC vectors. */
    static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");

    /** A time at which the REC credential is valid. */
    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

    private Vectors() {
    }

    static String text(final String path) {
        try (InputStream stream = Vectors.class.getResourceAsStream("/vectors/" + path)) {
            if (stream == null) {
                throw new IllegalStateException("missing test vector " + path);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(final String path) {
        return JsonText.parseObject(text(path), path);
    }
}
