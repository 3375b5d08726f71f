package org.banyan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.ChainGroupClient;
import org.banyan.sdk.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code banyan up}: a whole chain group on loopback. The first run writes a main chain of 4 super nodes, starts it,
 * and brings each sub-chain in through the real governance flow ({@link ChainGroupRegistration}: application,
 * approval by the super nodes, AC code), then starts the sub-chain's validators and its data gateway, which anchors it
 * on the main chain. Later runs on the same directory start everything again. Ctrl-C stops every process.
 */
@Command(name = "up", description = {"Run a local chain group until Ctrl-C: a main chain of 4 super nodes and",
    "sub-chains of backbone nodes, registered with AC codes and anchored on the main chain by their gateways.",
    "The first run writes and registers the group; later runs on the same directory start it again."})
final class UpCommand extends CliCommand {

    /** The group's description, written last on the first run: its presence means registration finished. */
    static final String GROUP_FILE = "group.json";

    /** Super nodes of the main chain. */
    static final int SUPER_NODES = 4;

    /** Most sub-chains: each takes its own block of ports and at least two processes on this one machine. */
    static final int MAX_SUB_CHAINS = 16;

    /** Most validators per sub-chain in a local group. */
    static final int MAX_SUB_VALIDATORS = 7;

    /** Ports reserved for each chain: 2 per node, with room to spare. */
    static final int PORTS_PER_CHAIN = 20;

    /** Heap of a gateway's JVM: it holds a few headers at a time. */
    static final String GATEWAY_MAX_HEAP_OPTION = "-Xmx128m";

    /** How long to wait for a started node to answer HTTP. */
    static final Duration START_WAIT = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sub-chains of a default group: AC code, name, industry. */
    private static final List<String[]> SAMPLE_SUB_CHAINS = List.of(
            new String[] {"evid", "Evidence storage", "judicial"},
            new String[] {"trac", "Product traceability", "agriculture"},
            new String[] {"carb", "Carbon credits", "energy"},
            new String[] {"scfn", "Supply-chain finance", "finance"});

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".banyan/up",
            description = "The group's directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "19333",
            description = "First port: the main chain's super nodes serve HTTP on P, P+2, P+4, P+6; sub-chain i's "
                    + "nodes from P+" + PORTS_PER_CHAIN + "*i (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--sub-chains", paramLabel = "N", defaultValue = "2",
            description = "Sub-chains of a new group (default: ${DEFAULT-VALUE}).")
    int subChains;

    @Option(names = "--sub-validators", paramLabel = "K", defaultValue = "1",
            description = "Validators of each new sub-chain (default: ${DEFAULT-VALUE}).")
    int subValidators;

    @Override
    int execute() {
        if (subChains < 0 || subChains > MAX_SUB_CHAINS) {
            throw new IllegalArgumentException("--sub-chains must be from 0 to " + MAX_SUB_CHAINS + " but is " + subChains);
        }
        if (subValidators < 1 || subValidators > MAX_SUB_VALIDATORS) {
            throw new IllegalArgumentException("--sub-validators must be from 1 to " + MAX_SUB_VALIDATORS + " but is "
                    + subValidators);
        }
        Path target = directory.toAbsolutePath().normalize();
        boolean resumed = Files.exists(target.resolve(GROUP_FILE));
        if (!resumed && Files.exists(target.resolve("main"))) {
            throw new CommandFailedException("an earlier banyan up in " + target + " stopped before its group was "
                    + "registered; delete that directory and run again");
        }
        ProcessGroup processes = new ProcessGroup(out(), spec.commandLine().getErr(), "banyan-up-shutdown");
        List<GroupLayout.SubChain> subChainLayouts = resumed ? GroupLayout.load(target.resolve(GROUP_FILE)) : List.of();
        NetworkManifest main = resumed ? NetworkManifest.load(target.resolve("main")) : writeMainChain(target);
        out().println((resumed ? "Starting" : "Creating") + " the chain group in " + target);
        out().flush();
        startNodes(processes, "main chain", main, target.resolve("main"));
        if (!resumed) {
            subChainLayouts = registerSubChains(processes, target, main);
            GroupLayout.write(target.resolve(GROUP_FILE), subChainLayouts);
        } else {
            for (GroupLayout.SubChain subChain : subChainLayouts) {
                startSubChain(processes, target, subChain);
            }
        }
        printEndpoints(target, main, subChainLayouts);
        processes.awaitStop("every process of the chain group has exited; see their logs under " + target);
        return ExitCode.OK;
    }

    private NetworkManifest writeMainChain(final Path target) {
        return NetworkFiles.write(target.resolve("main"),
                new NetworkPlan(SUPER_NODES, 0, basePort, NetworkPlan.DEFAULT_CHAIN_ID),
                new ChainShape(Optional.empty(), GroupRules.mainChain(), List.of(), true),
                Clock.systemUTC(), new SecureRandom());
    }

    private List<GroupLayout.SubChain> registerSubChains(final ProcessGroup processes, final Path target,
                                                         final NetworkManifest main) {
        Path mainDirectory = target.resolve("main");
        ChainGroupClient mainClient = ChainGroupClient.of(BanyanClient.connect(main.nodes().get(0).httpUrl()));
        List<KeyFile> quorum = new ArrayList<>();
        for (NetworkManifest.Node node : main.nodes().subList(0, SUPER_NODES - 1)) {
            quorum.add(KeyFile.load(node.directory(mainDirectory).resolve(NetworkManifest.NODE_KEY_FILE)));
        }
        ChainGroupRegistration registration = new ChainGroupRegistration(mainClient,
                KeyFile.load(mainDirectory.resolve(NetworkManifest.GENESIS_KEY_FILE)), quorum, out());
        SecureRandom random = new SecureRandom();
        List<GroupLayout.SubChain> layouts = new ArrayList<>();
        for (int index = 1; index <= subChains && !processes.isStopping(); index++) {
            String[] sample = index <= SAMPLE_SUB_CHAINS.size() ? SAMPLE_SUB_CHAINS.get(index - 1)
                    : new String[] {String.format("sc%02d", index), "Sub-chain " + index, "general"};
            GroupLayout.SubChain layout = new GroupLayout.SubChain(sample[0], sample[1], "sub-" + sample[0]);
            out().println("Registering sub-chain " + layout.ac() + " (" + layout.name() + ")");
            Path subDirectory = target.resolve(layout.directory());
            KeyFile enterprise = KeyFile.generate(KeyType.ED25519, Optional.empty(), random);
            KeyFile gatewayMain = KeyFile.generate(KeyType.ED25519, Optional.empty(), random);
            KeyFile gatewaySub = KeyFile.generate(KeyType.ED25519, Optional.of(layout.ac()), random);
            NetworkManifest subChain = NetworkFiles.write(subDirectory,
                    new NetworkPlan(subValidators, 0, basePort + PORTS_PER_CHAIN * index,
                            NetworkPlan.DEFAULT_CHAIN_ID + index),
                    new ChainShape(Optional.of(layout.ac()), GroupRules.subChain(layout.ac(), main),
                            List.of(gatewaySub.address()), false),
                    Clock.systemUTC(), random);
            enterprise.save(subDirectory.resolve("keys/enterprise.json"));
            gatewayMain.save(subDirectory.resolve(GroupLayout.GATEWAY_MAIN_KEY));
            gatewaySub.save(subDirectory.resolve(GroupLayout.GATEWAY_SUB_KEY));
            registration.register(new ChainGroupRegistration.Application(layout.ac(), layout.name(), sample[2],
                    subChain.chainId(), GroupRules.genesisHash(subDirectory.resolve(NetworkManifest.GENESIS_FILE)),
                    subChain.validators().stream().map(node -> new ChainGroupRegistration.ValidatorKey(
                            node.publicKey(), NetworkFiles.VALIDATOR_POWER)).toList(),
                    subChain.nodes().get(0).httpUrl()), enterprise, gatewayMain, subChain.nodes().get(0).address());
            writeGatewayConfig(subDirectory, layout, subChain, main);
            startSubChain(processes, target, layout);
            layouts.add(layout);
        }
        return layouts;
    }

    private void startSubChain(final ProcessGroup processes, final Path target, final GroupLayout.SubChain layout) {
        Path subDirectory = target.resolve(layout.directory());
        startNodes(processes, "sub-chain " + layout.ac(), NetworkManifest.load(subDirectory), subDirectory);
        processes.start("gateway of " + layout.ac(), List.of(GATEWAY_MAX_HEAP_OPTION),
                List.of("gateway", "--config", subDirectory.resolve(GroupLayout.GATEWAY_CONFIG).toString()),
                subDirectory.resolve(GroupLayout.GATEWAY_LOG));
    }

    /** Starts a chain's nodes and waits until each answers HTTP. */
    private void startNodes(final ProcessGroup processes, final String chain, final NetworkManifest manifest,
                            final Path chainDirectory) {
        out().print("Starting the " + chain + " (" + manifest.nodes().size() + " node"
                + (manifest.nodes().size() == 1 ? "" : "s") + ") … ");
        out().flush();
        for (NetworkManifest.Node node : manifest.nodes()) {
            if (!processes.start(chain + " " + node.name(), TestnetCommand.NODE_JVM_OPTIONS,
                    List.of("node", "--config", node.configFile(chainDirectory).toString()),
                    node.logFile(chainDirectory))) {
                return;
            }
        }
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        for (NetworkManifest.Node node : manifest.nodes()) {
            BanyanClient client = BanyanClient.connect(node.httpUrl());
            while (!answers(client)) {
                if (System.nanoTime() > deadline || processes.isStopping()) {
                    throw new CommandFailedException(chain + " " + node.name() + " did not answer at " + node.httpUrl()
                            + " within " + START_WAIT.toSeconds() + " s; its log: " + node.logFile(chainDirectory));
                }
                pause();
            }
        }
        out().println("ready");
        out().flush();
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while waiting for nodes to start");
        }
    }

    private static void writeGatewayConfig(final Path subDirectory, final GroupLayout.SubChain layout,
                                           final NetworkManifest subChain, final NetworkManifest main) {
        ObjectNode config = JSON.createObjectNode().put("ac_code", layout.ac())
                .put("sub_chain", subChain.nodes().get(0).httpUrl());
        ArrayNode mainUrls = config.putArray("main_chain");
        main.nodes().forEach(node -> mainUrls.add(node.httpUrl()));
        config.put("main_chain_key", "../" + GroupLayout.GATEWAY_MAIN_KEY)
                .put("sub_chain_key", "../" + GroupLayout.GATEWAY_SUB_KEY)
                .put("anchor_every", 1);
        try {
            Path file = subDirectory.resolve(GroupLayout.GATEWAY_CONFIG);
            Files.createDirectories(file.getParent());
            Files.writeString(file, NetworkManifest.render(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway config of " + layout.ac() + ": " + e.getMessage(), e);
        }
    }

    private void printEndpoints(final Path target, final NetworkManifest main,
                                final List<GroupLayout.SubChain> subChainLayouts) {
        out().println("Banyan chain group is running in " + target);
        out().println("  main chain (chain id " + main.chainId() + "), super nodes:");
        main.nodes().forEach(node -> out().println("    " + node.name() + ": " + node.httpUrl()));
        for (GroupLayout.SubChain layout : subChainLayouts) {
            NetworkManifest subChain = NetworkManifest.load(target.resolve(layout.directory()));
            out().println("  sub-chain " + layout.ac() + " (" + layout.name() + ", chain id " + subChain.chainId()
                    + "), backbone validators:");
            subChain.nodes().forEach(node -> out().println("    " + node.name() + ": " + node.httpUrl()));
            out().println("    gateway log: " + target.resolve(layout.directory()).resolve(GroupLayout.GATEWAY_LOG));
        }
        out().println("  sub-chains and their anchors: " + main.nodes().get(0).httpUrl() + "/chaingroup/subchains");
        out().println("  governance key (main chain): "
                + target.resolve("main").resolve(NetworkManifest.GENESIS_KEY_FILE));
        out().println("Press Ctrl-C to stop every process.");
        out().flush();
    }

    /** Whether a client can reach the node; used while waiting for nodes to start. */
    private static boolean answers(final BanyanClient client) {
        try {
            client.getLatestLedger();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
