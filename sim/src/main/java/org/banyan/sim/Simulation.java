package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Ledger;
import org.banyan.store.MemoryStore;

/**
 * A deterministic simulation of a whole network (spec §3.2), in the manner of FoundationDB's simulator and
 * TigerBeetle's VOPR: N nodes, each the real consensus core and the real ledger, on one virtual clock, in one thread,
 * driven by one {@link SplittableRandom}. The seed is split in a fixed order into streams for roles, network, faults,
 * workload, clocks and each node, so a run depends on (seed, options) alone and replays exactly.
 *
 * <p>A run has two phases. Until GST, the profile's faults strike and the invariant checker watches every commit,
 * signature, delivery and step (safety). At GST the network heals and crashed nodes restart; then every correct node
 * must reach the {@link LivenessGoal} within {@link SimulationOptions#livenessBoundMillis()}, while the checker also
 * holds rounds (L3) and transaction inclusion (L4) to their bounds. The run stops at the first violation, when
 * liveness is shown, or when its bound passes; a run without violations is then checked once more as a whole.
 */
public final class Simulation {

    /** Events one run may process; a run that needs more is stuck in a loop, which is a liveness failure. */
    public static final long MAX_EVENTS = 3_000_000;

    /** Most clock offset a skewed node has, either way. */
    static final long MAX_CLOCK_OFFSET_MICROS = 500_000;

    /** Most drift a skewed clock has, either way, in parts per million. */
    static final long MAX_CLOCK_DRIFT_PARTS_PER_MILLION = 200;

    /** Virtual time between two validator-set changes the governance account asks for. */
    static final long GOVERNANCE_INTERVAL_MICROS = 1_000_000;

    private final long seed;
    private final SimulationOptions options;
    private final World world;
    private final Optional<GovernancePolicy> governance;
    private boolean afterGst;
    private long governanceCalls;
    private long gstMicros;
    private LivenessGoal livenessGoal;

    private Simulation(final long seed, final SimulationOptions options) {
        this.seed = seed;
        this.options = options;
        final SplittableRandom root = new SplittableRandom(seed);
        final SplittableRandom roles = root.split();
        final SplittableRandom network = root.split();
        final SplittableRandom faults = root.split();
        final SplittableRandom workloadRandom = root.split();
        final SplittableRandom clocks = root.split();

        final List<PrivateKey> keys = new ArrayList<>();
        for (int index = 0; index < options.validators(); index++) {
            keys.add(derivedKey(seed, "validator", index));
        }
        final Map<Integer, ByzantineBehavior> byzantine = chooseByzantine(roles);
        final Optional<PrivateKey> spare = options.faults().validatorChanges()
                ? Optional.of(derivedKey(seed, "spare", 0)) : Optional.empty();
        this.governance = spare.map(key -> new GovernancePolicy(
                keys.stream().map(PrivateKey::publicKey).toList(), byzantine.keySet(), key.publicKey()));
        final Workload workload = new Workload(World.CHAIN_ID, seed, workloadRandom);
        final Genesis genesis = genesis(keys, workload);
        final ByteString genesisId = Ledger.open(new MemoryStore(), genesis).lastHeader().getHash();
        this.world = new World(options, genesis, genesisId, workload);
        if (options.faults().spam()) {
            JunkTransactions.all().forEach(junk -> world.transactions.prime(junk.envelope(), junk.decoded()));
        }

        addNodes(keys, byzantine, spare, clocks, root);
        world.network = new Network(world.scheduler, network, options.faults().network(), world.counts,
                world.nodes.size(), (to, from, envelope) -> world.nodes.get(to).receive(from, envelope));
        world.faults = new FaultInjector(world, faults);
        world.checker = new InvariantChecker(world);
        byzantine.values().forEach(behavior -> world.counts.injected("byzantine: "
                + behavior.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    /** One node per validator, then a second node for each Twin's key, then the spare, each with its own stream. */
    private void addNodes(final List<PrivateKey> keys, final Map<Integer, ByzantineBehavior> byzantine,
                          final Optional<PrivateKey> spare, final SplittableRandom clocks, final SplittableRandom root) {
        final List<PrivateKey> nodeKeys = new ArrayList<>(keys);
        final List<Optional<ByzantineBehavior>> roleOfNode = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            roleOfNode.add(Optional.ofNullable(byzantine.get(index)));
        }
        byzantine.forEach((index, behavior) -> {
            if (behavior == ByzantineBehavior.TWIN) {
                nodeKeys.add(keys.get(index));
                roleOfNode.add(Optional.of(ByzantineBehavior.TWIN));
            }
        });
        spare.ifPresent(key -> {
            nodeKeys.add(key);
            roleOfNode.add(Optional.empty());
        });
        for (int id = 0; id < nodeKeys.size(); id++) {
            final NodeClock clock = options.faults().clockSkew() ? skewedClock(clocks) : NodeClock.EXACT;
            final Optional<InjectedBug> bug = id == 0 ? options.injectedBug() : Optional.empty();
            world.nodes.add(new SimNode(id, nodeKeys.get(id), roleOfNode.get(id), bug, world, clock, root.split()));
        }
    }

    /** Runs one seed. A node's failed always-on check is reported as a violation, with the seed to replay it. */
    public static SimulationResult run(final long seed, final SimulationOptions options) {
        return run(seed, options, MAX_EVENTS);
    }

    /** Runs one seed with a smaller event budget than {@link #MAX_EVENTS}, to test the budget itself. */
    static SimulationResult run(final long seed, final SimulationOptions options, final long maxEvents) {
        return new Simulation(seed, options).execute(maxEvents);
    }

    private SimulationResult execute(final long maxEvents) {
        final Scheduler scheduler = world.scheduler;
        for (final SimNode node : world.nodes) {
            node.start();
        }
        submitLater();
        governance.ifPresent(this::governLater);
        if (options.faults().spam()) {
            floodLater(0);
        }
        world.faults.start();
        scheduler.after(options.faultPhaseMillis() * 1000, -1, Scheduler.Kind.GST, this::gst);
        long events = 0;
        while (!scheduler.isEmpty() && world.checker.violations().isEmpty()) {
            if (events >= maxEvents) {
                world.checker.report("L1 termination", "the run used its budget of " + maxEvents + " events");
                break;
            }
            events++;
            final Scheduler.Scheduled event = scheduler.next();
            world.trace.event(event.timeMicros(), event.node(), event.kind());
            try {
                event.action().run();
            } catch (final RuntimeException | AssertionError bug) {
                world.checker.report("always-on check", "node " + event.node() + " failed: " + bug);
                break;
            }
            if (afterGst && (livenessGoal.isMet(correctNodes())
                    || scheduler.nowMicros() > gstMicros + options.livenessBoundMillis() * 1000)) {
                break;
            }
        }
        if (world.checker.violations().isEmpty()) {
            world.checker.atEnd();
        }
        if (world.checker.violations().isEmpty()) {
            judgeLiveness();
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (final SimNode node : correctNodes()) {
            min = Math.min(min, node.committedHeight());
            max = Math.max(max, node.committedHeight());
        }
        return new SimulationResult(seed, options, min == Long.MAX_VALUE ? 0 : min, max, world.counts,
                world.checker.violations(), world.trace.hex(), events,
                (scheduler.nowMicros() - scheduler.startMicros()) / 1000);
    }

    private void gst() {
        afterGst = true;
        gstMicros = world.nowMicros();
        world.faults.gst();
        world.checker.onGst();
        long highest = 0;
        for (final SimNode node : correctNodes()) {
            highest = Math.max(highest, node.committedHeight());
        }
        livenessGoal = new LivenessGoal(options, highest, world.checker.validatorSetChanges());
    }

    /** L1 (every correct node commits new heights), L2 (laggards catch up) and L5, within the bound after GST. */
    private void judgeLiveness() {
        if (!afterGst) {
            world.checker.report("L1 termination", "the run ended before GST");
            return;
        }
        livenessGoal.judge(correctNodes(), world.checker::report, describeNodes());
        if (livenessGoal.changesAfterGst() > 0) {
            world.counts.reaction("validator-set changes crossed after GST", livenessGoal.changesAfterGst());
        }
    }

    /** Clients submit a new payment, or send again the oldest one still not committed, to a random node. */
    private void submitLater() {
        world.scheduler.after(world.workload.nextIntervalMicros(), -1, Scheduler.Kind.SUBMIT, () -> {
            final SimNode target = world.nodes.get(world.workload.nextNode(world.nodes.size()));
            target.submit(world.workload.dueForResubmission(world.nowMicros(), world.checker::isCommitted)
                    .orElseGet(() -> world.workload.nextPayment(world.nowMicros())));
            submitLater();
        });
    }

    /** A client floods junk transaction {@code index} to every node, then the next one, until the flood is spent. */
    private void floodLater(final int index) {
        world.scheduler.after(JunkTransactions.INTERVAL_MICROS, -1, Scheduler.Kind.SUBMIT, () -> {
            final JunkTransactions.Junk junk = JunkTransactions.all().get(index);
            world.nodes.forEach(node -> node.submit(junk.envelope()));
            world.counts.injected("junk transactions flooded");
            if (index + 1 < JunkTransactions.COUNT) {
                floodLater(index + 1);
            }
        });
    }

    /** The governance account asks for the policy's next validator set, every {@link #GOVERNANCE_INTERVAL_MICROS}. */
    private void governLater(final GovernancePolicy policy) {
        world.scheduler.after(GOVERNANCE_INTERVAL_MICROS, -1, Scheduler.Kind.SUBMIT, () -> {
            final SimNode target = world.nodes.get(world.workload.nextNode(world.nodes.size()));
            target.submit(world.workload.nextGovernanceCall(policy.set(++governanceCalls), world.nowMicros()));
            world.counts.injected("validator-set changes requested");
            governLater(policy);
        });
    }

    private String describeNodes() {
        return world.nodes.stream().map(SimNode::describe).collect(Collectors.joining("; "));
    }

    private List<SimNode> correctNodes() {
        return world.nodes.stream().filter(SimNode::isCorrect).toList();
    }

    private Map<Integer, ByzantineBehavior> chooseByzantine(final SplittableRandom roles) {
        final Map<Integer, ByzantineBehavior> chosen = new TreeMap<>();
        final int first = options.injectedBug().isPresent() ? 1 : 0;
        while (chosen.size() < options.byzantine()) {
            final int index = first + roles.nextInt(options.validators() - first);
            if (!chosen.containsKey(index)) {
                chosen.put(index, ByzantineBehavior.values()[roles.nextInt(ByzantineBehavior.values().length)]);
            }
        }
        return chosen;
    }

    private static Genesis genesis(final List<PrivateKey> validators, final Workload workload) {
        final List<GenesisAccount> accounts = workload.accounts().stream()
                .map(account -> new GenesisAccount(Workload.address(account), Workload.CLIENT_BALANCE)).toList();
        return new Genesis(World.CHAIN_ID, false, World.GENESIS_MICROS, workload.governanceAddress(), accounts,
                GovernancePolicy.genesisSet(validators.stream().map(PrivateKey::publicKey).toList()),
                new FeeSchedule(Workload.MIN_GAS_PRICE, 0));
    }

    private static NodeClock skewedClock(final SplittableRandom clocks) {
        return new NodeClock(clocks.nextLong(-MAX_CLOCK_OFFSET_MICROS, MAX_CLOCK_OFFSET_MICROS + 1),
                clocks.nextLong(-MAX_CLOCK_DRIFT_PARTS_PER_MILLION, MAX_CLOCK_DRIFT_PARTS_PER_MILLION + 1));
    }

    private static PrivateKey derivedKey(final long seed, final String role, final int index) {
        final byte[] material = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + role.length())
                .putLong(seed).putInt(index).put(role.getBytes(StandardCharsets.US_ASCII)).array();
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(material));
    }
}
