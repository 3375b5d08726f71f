package org.banyan.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Byte-array helpers that keep test data and failure messages readable. */
final class Bytes {

    private Bytes() {
    }

    /** The UTF-8 bytes of {@code text}. */
    static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes with the given unsigned values, e.g. {@code of(0x01, 0xFF)}. */
    static byte[] of(final int... unsignedValues) {
        final byte[] bytes = new byte[unsignedValues.length];
        for (int index = 0; index < unsignedValues.length; index++) {
            bytes[index] = (byte) unsignedValues[index];
        }
        return bytes;
    }

    /** Lower-case hex, for comparing and printing keys. */
    static String hex(final byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The entries a scan visits, each as {@code "keyhex=valuehex"}. */
    static List<String> scan(final KeyValueStore store, final byte[] prefix, final byte[] startKey, final int limit) {
        final List<String> visited = new ArrayList<>();
        store.scan(prefix, startKey, limit, (key, value) -> visited.add(hex(key) + "=" + hex(value)));
        return visited;
    }

    /** The entry of {@code key} and {@code value} in the form {@link #scan} returns. */
    static String entry(final byte[] key, final byte[] value) {
        return hex(key) + "=" + hex(value);
    }
}
