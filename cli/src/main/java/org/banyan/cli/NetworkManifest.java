package org.banyan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code banyan genesis} wrote into a network directory, kept there as {@value #FILE} so that
 * {@code banyan testnet} can start the same network again. The file layout beneath the directory is fixed: the
 * genesis and its funded account's key at the top, one directory per node with its config, key, data and log.
 */
record NetworkManifest(long chainId, String genesisAccount, List<Node> nodes) {

    /** The manifest's file name in the network directory. */
    static final String FILE = "network.json";

    /** The shared genesis file, relative to the network directory. */
    static final String GENESIS_FILE = "genesis.json";

    /** The funded genesis (and governance) account's key, relative to the network directory. */
    static final String GENESIS_KEY_FILE = "keys/genesis-account.json";

    /** A node's config file inside its directory. */
    static final String CONFIG_FILE = "node.json";

    /** A node's key file inside its directory. */
    static final String NODE_KEY_FILE = "node-key.json";

    /** Where {@code banyan testnet} sends a node's output, inside its directory. */
    static final String LOG_FILE = "node.log";

    /** Largest manifest read: one node's entry is under 400 bytes and a network has at most 257 nodes. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the node list and checks that it is not empty. */
    NetworkManifest {
        Objects.requireNonNull(genesisAccount, "genesisAccount");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a network has at least one node");
        }
    }

    /** One node of the network: its directory name, role, identity and loopback endpoints. */
    record Node(String name, Role role, String address, String publicKey, String host, int httpPort, int p2pPort) {

        /** Checks that every field is present. */
        Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(host, "host");
        }

        String httpUrl() {
            return "http://" + host + ":" + httpPort;
        }

        String p2pEndpoint() {
            return host + ":" + p2pPort;
        }

        Path directory(final Path networkDirectory) {
            return networkDirectory.resolve(name);
        }

        Path configFile(final Path networkDirectory) {
            return directory(networkDirectory).resolve(CONFIG_FILE);
        }

        Path logFile(final Path networkDirectory) {
            return directory(networkDirectory).resolve(LOG_FILE);
        }
    }

    /** Whether a node is in the genesis validator set or only follows the chain. */
    enum Role {
        VALIDATOR, OBSERVER;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The validators only. */
    List<Node> validators() {
        return nodes.stream().filter(node -> node.role() == Role.VALIDATOR).toList();
    }

    /** The manifest as the file holds it. */
    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("chain_id", chainId);
        root.put("genesis_account", genesisAccount);
        ArrayNode array = root.putArray("nodes");
        for (Node node : nodes) {
            array.addObject()
                    .put("name", node.name())
                    .put("role", node.role().jsonName())
                    .put("address", node.address())
                    .put("public_key", node.publicKey())
                    .put("host", node.host())
                    .put("http_port", node.httpPort())
                    .put("p2p_port", node.p2pPort());
        }
        return render(root);
    }

    /** What {@code banyan genesis} prints: the manifest with every file and endpoint spelled out. */
    ObjectNode summary(final Path networkDirectory) {
        ObjectNode root = JSON.createObjectNode();
        root.put("directory", networkDirectory.toString());
        root.put("chain_id", chainId);
        root.put("genesis", networkDirectory.resolve(GENESIS_FILE).toString());
        root.put("genesis_account", genesisAccount);
        root.put("genesis_key", networkDirectory.resolve(GENESIS_KEY_FILE).toString());
        ArrayNode array = root.putArray("nodes");
        for (Node node : nodes) {
            array.addObject()
                    .put("name", node.name())
                    .put("role", node.role().jsonName())
                    .put("address", node.address())
                    .put("config", node.configFile(networkDirectory).toString())
                    .put("http", node.httpUrl())
                    .put("p2p", node.p2pEndpoint());
        }
        return root;
    }

    /** Parses a manifest; {@code source} names it in error messages. */
    static NetworkManifest parse(final String json, final String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must hold a JSON object");
        }
        JsonNode array = root.path("nodes");
        if (!array.isArray()) {
            throw new IllegalArgumentException(source + ": 'nodes' must be a JSON array");
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode node : array) {
            String where = source + " nodes[" + nodes.size() + "]";
            nodes.add(new Node(text(node, "name", where), role(text(node, "role", where), where),
                    text(node, "address", where), text(node, "public_key", where), text(node, "host", where),
                    port(node, "http_port", where), port(node, "p2p_port", where)));
        }
        long chainId = number(root, "chain_id", source);
        String genesisAccount = text(root, "genesis_account", source);
        try {
            return new NetworkManifest(chainId, genesisAccount, nodes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@value #FILE} from a network directory. */
    static NetworkManifest load(final Path networkDirectory) {
        Path file = networkDirectory.resolve(FILE);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is " + size + " bytes; a network manifest has at most "
                        + MAX_FILE_BYTES);
            }
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(final JsonNode object, final String field, final String where) {
        JsonNode value = object.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + ": the field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static long number(final JsonNode object, final String field, final String where) {
        JsonNode value = object.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(where + ": the field '" + field + "' must be an integer");
        }
        return value.longValue();
    }

    private static int port(final JsonNode object, final String field, final String where) {
        long port = number(object, field, where);
        if (port < 1 || port > NetworkPlan.MAX_PORT) {
            throw new IllegalArgumentException(where + ": the field '" + field + "' must be a port from 1 to "
                    + NetworkPlan.MAX_PORT + " but is " + port);
        }
        return (int) port;
    }

    private static Role role(final String name, final String where) {
        for (Role role : Role.values()) {
            if (role.jsonName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException(where + ": the role must be \"validator\" or \"observer\" but is \"" + name + "\"");
    }

    static String render(final JsonNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree built in memory", e);
        }
    }
}
