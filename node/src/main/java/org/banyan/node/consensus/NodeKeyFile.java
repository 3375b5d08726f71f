package org.banyan.node.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.banyan.crypto.PrivateKey;

/** Reads a node key file, the JSON {@code {"address", "public_key", "private_key"}} that {@code banyan key} prints. */
public final class NodeKeyFile {

    /** Largest key file read; a real one is about 300 bytes. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeKeyFile() {
    }

    /**
     * The node's private key.
     *
     * @throws IllegalArgumentException if the file is not such a key file, or its address is not that of its key
     */
    public static PrivateKey read(final Path file) {
        final JsonNode json;
        try {
            final long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("the node key file " + file + " is " + size
                    + " bytes; a key file has at most " + MAX_FILE_BYTES);
            }
            json = JSON.readTree(Files.readString(file));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the node key file " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !json.path("private_key").isTextual()) {
            throw new IllegalArgumentException("the node key file " + file + " has no \"private_key\" string");
        }
        final PrivateKey key;
        try {
            key = PrivateKey.parse(json.get("private_key").textValue());
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the node key file " + file + " holds an invalid private key: "
                + e.getMessage(), e);
        }
        final String address = key.publicKey().address().toString();
        if (json.path("address").isTextual() && !json.get("address").textValue().equals(address)) {
            throw new IllegalArgumentException("the node key file " + file + " names address "
                + json.get("address").textValue() + " but its key's address is " + address);
        }
        return key;
    }
}
