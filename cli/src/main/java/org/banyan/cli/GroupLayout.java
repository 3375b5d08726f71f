package org.banyan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a local chain group's directory, as {@code banyan up} writes it: {@code main/} holds the main chain's
 * network, and each registered sub-chain has a directory with its network, its enterprise's and gateway's keys, and
 * its gateway's config. {@code group.json} lists the sub-chains once they are registered.
 */
final class GroupLayout {

    /** The gateway's main-chain account key, relative to the sub-chain's directory. */
    static final String GATEWAY_MAIN_KEY = "keys/gateway-main.json";

    /** The gateway's sub-chain account key, relative to the sub-chain's directory. */
    static final String GATEWAY_SUB_KEY = "keys/gateway-sub.json";

    /** The gateway's config, relative to the sub-chain's directory. */
    static final String GATEWAY_CONFIG = "gateway/gateway.json";

    /** The gateway's log, relative to the sub-chain's directory. */
    static final String GATEWAY_LOG = "gateway/gateway.log";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupLayout() {
    }

    /** One registered sub-chain: its AC code, name and directory (relative to the group's). */
    record SubChain(String ac, String name, String directory) {
    }

    static void write(final Path file, final List<SubChain> subChains) {
        ObjectNode root = JSON.createObjectNode().put("main", "main");
        ArrayNode list = root.putArray("sub_chains");
        subChains.forEach(subChain -> list.addObject().put("ac", subChain.ac()).put("name", subChain.name())
                .put("directory", subChain.directory()));
        try {
            Files.writeString(file, NetworkManifest.render(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static List<SubChain> load(final Path file) {
        JsonNode root = readJson(file);
        List<SubChain> subChains = new ArrayList<>();
        for (JsonNode entry : root.path("sub_chains")) {
            subChains.add(new SubChain(entry.path("ac").asText(), entry.path("name").asText(),
                    entry.path("directory").asText()));
        }
        return subChains;
    }

    /** Reads a JSON file written by banyan up. */
    private static JsonNode readJson(final Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
