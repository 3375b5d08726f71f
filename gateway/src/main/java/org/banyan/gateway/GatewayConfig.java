package org.banyan.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.banyan.sdk.KeyFile;

/**
 * Reads a gateway's config file; relative key paths count from the file's directory:
 *
 * <pre>{@code
 * {
 *   "ac_code": "abcd",
 *   "sub_chain": "http://127.0.0.1:19353",
 *   "main_chain": ["http://127.0.0.1:19333", "http://127.0.0.1:19335"],
 *   "main_chain_key": "gateway-main.json",
 *   "sub_chain_key": "gateway-sub.json",
 *   "anchor_every": 1,
 *   "poll_interval_millis": 500
 * }
 * }</pre>
 */
public final class GatewayConfig {

    /** Largest config file read; a real one is a few hundred bytes. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    /** Default pause between rounds: about half a block interval, so anchors trail the sub-chain by about a block. */
    static final long DEFAULT_POLL_INTERVAL_MILLIS = 500;

    private static final Set<String> FIELDS = Set.of("ac_code", "sub_chain", "main_chain", "main_chain_key",
        "sub_chain_key", "anchor_every", "poll_interval_millis");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayConfig() {
    }

    /** The settings in {@code file}; a missing field or a malformed value is an error naming the file. */
    public static GatewaySettings load(final Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(JSON.readTree(file.toFile()), file.toAbsolutePath().getParent(), file.toString());
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the gateway config " + file + ": " + e.getMessage(), e);
        }
    }

    static GatewaySettings parse(final JsonNode root, final Path base, final String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": the gateway config must be a JSON object");
        }
        for (final Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(source + ": unknown field '" + name + "'; the fields are "
                    + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        final JsonNode urls = root.path("main_chain");
        if (!urls.isArray() || urls.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'main_chain' must be a non-empty list of node URLs");
        }
        final List<String> mainChain = new ArrayList<>();
        for (final JsonNode url : urls) {
            if (!url.isTextual() || url.textValue().isBlank()) {
                throw new IllegalArgumentException(source + ": every entry of 'main_chain' must be a node URL, not "
                    + url);
            }
            mainChain.add(url.textValue());
        }
        final long anchorEvery = wholeNumber(root, "anchor_every", 1, source);
        if (anchorEvery < 1 || anchorEvery > GatewaySettings.MAX_ANCHOR_EVERY) {
            // Checked here too, before the narrowing to int could turn a huge value into an allowed one.
            throw new IllegalArgumentException(source + ": 'anchor_every' must be 1 to "
                + GatewaySettings.MAX_ANCHOR_EVERY + ", got " + anchorEvery);
        }
        try {
            return new GatewaySettings(text(root, "sub_chain", source), mainChain, text(root, "ac_code", source),
                KeyFile.load(base.resolve(text(root, "main_chain_key", source))),
                KeyFile.load(base.resolve(text(root, "sub_chain_key", source))),
                (int) anchorEvery,
                Duration.ofMillis(wholeNumber(root, "poll_interval_millis", DEFAULT_POLL_INTERVAL_MILLIS, source)));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** An optional whole-number field: a string, a fraction or a number beyond 64 bits is an error, not a default. */
    private static long wholeNumber(final JsonNode root, final String field, final long fallback, final String source) {
        final JsonNode value = root.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(source + ": '" + field + "' must be a whole number, not " + value);
        }
        return value.longValue();
    }

    private static String text(final JsonNode root, final String field, final String source) {
        final JsonNode value = root.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException(source + ": '" + field + "' must be a non-empty string");
        }
        return value.textValue();
    }
}
