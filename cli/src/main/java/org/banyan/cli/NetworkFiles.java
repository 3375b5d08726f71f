package org.banyan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.banyan.node.DevNode;
import org.banyan.node.ChainGenesis;
import org.banyan.node.GenesisConfig;
import org.banyan.sdk.KeyFile;

/**
 * Writes a network directory: the genesis with its funded governance account, and for every node a fresh Ed25519 key
 * and a config that points at the shared genesis and peers with every other node. Never overwrites: a network's keys
 * and genesis cannot be recreated, so every target is checked before the first file is written.
 */
final class NetworkFiles {

    /** Every node listens on loopback: the files describe a network on one machine. */
    static final String LOOPBACK_HOST = "127.0.0.1";

    /**
     * How long a validator waits for a proposal in round 0. A healthy proposer's block arrives in milliseconds; the
     * wait only matters when a large block must be built, sent and checked by busy validators, and then giving up
     * too early costs a whole round (CometBFT waits 3 s too).
     */
    static final long TIMEOUT_PROPOSE_MILLIS = 3_000;

    /** How long a validator waits for more prevotes after seeing 2/3 of any. */
    static final long TIMEOUT_PREVOTE_MILLIS = 500;

    /** How long a validator waits for more precommits after seeing 2/3 of any. */
    static final long TIMEOUT_PRECOMMIT_MILLIS = 500;

    /** How much each timeout grows per round, so that a slow network eventually agrees. */
    static final long TIMEOUT_INCREASE_MILLIS = 500;

    /** The most any timeout grows to, so that a long outage does not leave rounds minutes long. */
    static final long TIMEOUT_MAX_MILLIS = 10_000;

    /** Every genesis validator's voting power: equal votes, so any 3 of 4 make a quorum. */
    static final long VALIDATOR_POWER = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkFiles() {
    }

    /**
     * Writes the network of {@code plan} into {@code directory} and returns its manifest.
     *
     * @throws CommandFailedException when any file the network needs already exists
     * @throws UncheckedIOException when a file cannot be written
     */
    static NetworkManifest write(final Path directory, final NetworkPlan plan, final Clock clock,
                                 final SecureRandom random) {
        return write(directory, plan, ChainShape.STANDALONE, clock, random);
    }

    /**
     * Writes a network whose genesis also has {@code shape}'s AC code, rules and funded accounts: a chain of a chain
     * group ({@code banyan up}).
     */
    static NetworkManifest write(final Path directory, final NetworkPlan plan, final ChainShape shape,
                                 final Clock clock, final SecureRandom random) {
        refuseToOverwrite(directory, plan);
        KeyFile genesisKey = KeyFile.generate(KeyType.ED25519, shape.acCode(), random);
        genesisKey.save(directory.resolve(NetworkManifest.GENESIS_KEY_FILE));
        List<NetworkManifest.Node> nodes = new ArrayList<>();
        for (int index = 0; index < plan.nodeCount(); index++) {
            KeyFile nodeKey = KeyFile.generate(KeyType.ED25519, Optional.empty(), random);
            NetworkManifest.Node node = new NetworkManifest.Node(nodeName(index),
                    plan.isValidator(index) ? NetworkManifest.Role.VALIDATOR : NetworkManifest.Role.OBSERVER,
                    nodeKey.address(), nodeKey.publicKey(), LOOPBACK_HOST, plan.httpPort(index), plan.p2pPort(index));
            nodeKey.save(node.directory(directory).resolve(NetworkManifest.NODE_KEY_FILE));
            nodes.add(node);
        }
        NetworkManifest manifest = new NetworkManifest(plan.chainId(), genesisKey.address(), nodes);
        for (NetworkManifest.Node node : nodes) {
            writeNew(node.configFile(directory), NetworkManifest.render(nodeConfig(manifest, node)));
        }
        writeNew(directory.resolve(NetworkManifest.GENESIS_FILE), GenesisConfig.toJson(genesis(manifest, shape, clock)));
        // Last: a manifest means the directory holds a complete network.
        writeNew(directory.resolve(NetworkManifest.FILE), manifest.toJson());
        return manifest;
    }

    static String nodeName(final int index) {
        return "node-" + index;
    }

    private static void refuseToOverwrite(final Path directory, final NetworkPlan plan) {
        List<Path> targets = new ArrayList<>(List.of(directory.resolve(NetworkManifest.FILE),
                directory.resolve(NetworkManifest.GENESIS_FILE), directory.resolve(NetworkManifest.GENESIS_KEY_FILE)));
        for (int index = 0; index < plan.nodeCount(); index++) {
            Path nodeDirectory = directory.resolve(nodeName(index));
            targets.add(nodeDirectory.resolve(NetworkManifest.CONFIG_FILE));
            targets.add(nodeDirectory.resolve(NetworkManifest.NODE_KEY_FILE));
        }
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new CommandFailedException(target + " already exists; refusing to overwrite a network's files "
                        + "(choose another --dir or delete the old network)");
            }
        }
    }

    /** The genesis of a network: its validators, the funded genesis account and {@code shape}'s accounts and rules. */
    static ChainGenesis genesis(final NetworkManifest manifest, final ChainShape shape, final Clock clock) {
        long closeTimeMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        List<Validator> validators = manifest.validators().stream()
                .map(node -> new Validator(node.publicKey(), VALIDATOR_POWER)).toList();
        List<GenesisAccount> accounts = new ArrayList<>();
        accounts.add(new GenesisAccount(manifest.genesisAccount(), DevNode.GENESIS_BALANCE));
        shape.fundedAccounts().forEach(address -> accounts.add(new GenesisAccount(address, ChainShape.FUNDED_BALANCE)));
        if (shape.fundValidators()) {
            manifest.validators().forEach(node -> accounts.add(new GenesisAccount(node.address(), ChainShape.FUNDED_BALANCE)));
        }
        Genesis genesis = new Genesis(manifest.chainId(), true, closeTimeMicros, manifest.genesisAccount(), accounts,
                validators, new FeeSchedule(DevNode.MIN_GAS_PRICE, DevNode.BASE_RESERVE)).withRules(shape.rules());
        return new ChainGenesis(genesis, shape.acCode());
    }

    /** The node's config in the format {@code org.banyan.node.NodeConfig} reads; paths relative to the node directory. */
    private static ObjectNode nodeConfig(final NetworkManifest manifest, final NetworkManifest.Node node) {
        ObjectNode config = JSON.createObjectNode();
        config.put("data_directory", "data");
        config.put("genesis", "../" + NetworkManifest.GENESIS_FILE);
        config.put("storage", "rocksdb");
        config.putObject("http").put("host", node.host()).put("port", node.httpPort());
        config.put("node_key", NetworkManifest.NODE_KEY_FILE);
        ObjectNode p2p = config.putObject("p2p").put("host", node.host()).put("port", node.p2pPort());
        ArrayNode peers = p2p.putArray("peers");
        ArrayNode observers = p2p.putArray("observers");
        for (NetworkManifest.Node other : manifest.nodes()) {
            if (!other.equals(node)) {
                peers.add(other.p2pEndpoint());
            }
            if (other.role() == NetworkManifest.Role.OBSERVER) {
                observers.add(other.address());
            }
        }
        config.putObject("consensus")
                .put("timeout_propose_millis", TIMEOUT_PROPOSE_MILLIS)
                .put("timeout_prevote_millis", TIMEOUT_PREVOTE_MILLIS)
                .put("timeout_precommit_millis", TIMEOUT_PRECOMMIT_MILLIS)
                .put("timeout_increase_millis", TIMEOUT_INCREASE_MILLIS)
                .put("timeout_max_millis", TIMEOUT_MAX_MILLIS);
        return config;
    }

    private static void writeNew(final Path file, final String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailedException(file + " already exists; refusing to overwrite a network's files");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
