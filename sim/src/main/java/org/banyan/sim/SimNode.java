package org.banyan.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.banyan.consensus.Action;
import org.banyan.consensus.Consensus;
import org.banyan.consensus.ConsensusConfig;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.Event;
import org.banyan.consensus.ProposalContent;
import org.banyan.consensus.RoundStep;
import org.banyan.consensus.SignState;
import org.banyan.consensus.SignStateCodec;
import org.banyan.consensus.SignedStep;
import org.banyan.consensus.StartPoint;
import org.banyan.consensus.State;
import org.banyan.consensus.Transition;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.Hex;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.store.MemoryStore;

/**
 * One simulated node: the real consensus core and the real ledger on a memory store, wired by a shell like the
 * production one. It carries out the core's actions in order (syncing sign state before the broadcast it covers),
 * commits each decided block together with its certificate in one synced ledger write, retransmits when stuck, and
 * serves block sync from its ledger.
 *
 * <p><b>What survives a crash.</b> The ledger, blocks and certificates included (every close is one synced batch),
 * and on the {@link SimDisk}: the sign state, synced whenever written. The mempool journal is written without a sync
 * and becomes durable only with the next sync of the sign state, so a crash loses the transactions received since.
 * Everything in memory is lost: the message log, buffers, timers, gossip state. A crash can also strike between two
 * actions of one step, after the sign state is synced but before the vote it covers is sent, or after a commit but
 * before consensus hears of it; the restarted node resumes from what is on disk.
 */
final class SimNode {

    /** Virtual time between two checks for progress; a node that made none retransmits. */
    static final long GOSSIP_INTERVAL_MICROS = 200_000;

    /** Longest simulated time to validate a block or gather proposal content. */
    static final long MAX_SHELL_DELAY_MICROS = 2_000;

    private static final String SIGN_STATE_KEY = "sign-state";
    private static final String MEMPOOL_PREFIX = "mempool/";

    final int id;
    final PrivateKey key;
    final String address;
    final Optional<ByzantineBehavior> byzantine;
    final Optional<InjectedBug> bug;
    private final World world;
    private final NodeClock clock;
    private final SplittableRandom random;
    private final Consensus consensus;
    private final SimDisk disk = new SimDisk();
    private final MemoryStore ledgerStore = new MemoryStore();

    private boolean up;
    private int incarnation;
    private State state;
    private Ledger ledger;
    private Mempool mempool;
    private SyncBuffer syncBuffer;
    private RecentSignatures seen;
    private long heightAtLastGossip;
    private long committedHeight;
    private long gossipTicks;

    SimNode(final int id, final PrivateKey key, final Optional<ByzantineBehavior> byzantine,
            final Optional<InjectedBug> bug, final World world, final NodeClock clock, final SplittableRandom random) {
        this.id = id;
        this.key = key;
        this.address = key.publicKey().address().toString();
        this.byzantine = byzantine;
        this.bug = bug;
        this.world = world;
        this.clock = clock;
        this.random = random;
        this.consensus = new Consensus(new ConsensusConfig(World.CHAIN_ID, Optional.of(key), World.TIMEOUTS));
    }

    /** Whether the checker holds this node to the protocol: not Byzantine (a planted bug does not excuse it). */
    boolean isCorrect() {
        return byzantine.isEmpty();
    }

    boolean isUp() {
        return up;
    }

    /** Restarts with wiped sign state: the Byzantine amnesiac, or a node with the planted bug. */
    private boolean forgetsSignState() {
        return byzantine.equals(Optional.of(ByzantineBehavior.AMNESIAC)) || hasBug(InjectedBug.FORGET_SIGN_STATE);
    }

    /** Crashes and restarts every so often before GST, to lose what it forgets. */
    boolean restartsOften() {
        return forgetsSignState() || hasBug(InjectedBug.LOSE_LOCK);
    }

    /** The consensus state, while the node runs. */
    Optional<State> consensusState() {
        return up ? Optional.of(state) : Optional.empty();
    }

    /** The validator set of the height the node is deciding. */
    ValidatorSet currentValidators() {
        return state.validators();
    }

    /** This node's clock reading at a global virtual time. */
    long localMicrosAt(final long globalMicros) {
        return clock.localMicros(globalMicros, world.scheduler.startMicros());
    }

    int mempoolSize() {
        return mempool.size();
    }

    /** The decoded transactions in the mempool, in arrival order. */
    List<VerifiedTransaction> pendingTransactions() {
        return mempool.transactions();
    }

    int syncBufferSize() {
        return syncBuffer.size();
    }

    int rememberedSignatureCount() {
        return seen.size();
    }

    /** Height of the last block this node committed, kept across crashes. */
    long committedHeight() {
        return committedHeight;
    }

    /** Where the node is, for failure reports: its role, whether it is up, and its consensus state. */
    String describe() {
        return "node " + id + byzantine.map(role -> " (" + role.name().toLowerCase(Locale.ROOT) + ")").orElse("")
                + (up ? " at " + state + ", " + state.validators().size() + " validators" : " down")
                + ", committed " + committedHeight;
    }

    /** Boots, or restarts after a crash, from what is on disk: the ledger and the sign state. */
    void start() {
        Verify.that(!up, "only a stopped node starts");
        up = true;
        ledger = Ledger.open(ledgerStore, world.genesis);
        final List<CommittedBlock> stored = storedBlocks();
        committedHeight = stored.size();
        world.checker.onRestart(this, stored);
        mempool = hasBug(InjectedBug.UNBOUNDED_MEMPOOL) ? Mempool.withoutAdmissionRules() : new Mempool();
        for (final byte[] journaled : disk.values(MEMPOOL_PREFIX)) {
            admit(parseTransaction(journaled));
        }
        syncBuffer = new SyncBuffer();
        seen = new RecentSignatures();
        heightAtLastGossip = 0;
        final SignState signState = signStateOnDisk();
        final long height = stored.size() + 1;
        final Optional<CommitCertificate> lastCommit = stored.isEmpty() ? Optional.empty()
                : Optional.of(stored.get(stored.size() - 1).getCertificate());
        final ByteString parentId = lastCommit.map(CommitCertificate::getBlockId).orElse(world.genesisId);
        apply(consensus.start(new StartPoint(height, parentId, lastCommit, validatorsAt(height),
                validatorsAt(height + 1), signState)));
        scheduleGossip();
    }

    /** The sign state a restart reads: wiped, or without its lock, for the bugs that lose them. */
    private SignState signStateOnDisk() {
        final SignState stored = disk.get(SIGN_STATE_KEY).map(SignStateCodec::decode).orElse(SignState.EMPTY);
        if (forgetsSignState()) {
            return SignState.EMPTY;
        }
        if (hasBug(InjectedBug.LOSE_LOCK)) {
            return new SignState(stored.height(), stored.lastSigned(), Optional.empty(), Optional.empty());
        }
        return stored;
    }

    /** Stops the node; {@code midStep} marks a crash between two actions of one step. */
    void crash(final boolean midStep) {
        if (!up) {
            return;
        }
        up = false;
        incarnation++;
        world.counts.injected(midStep ? "crashes in the middle of a step" : "crashes");
        world.counts.injected("unsynced writes lost", disk.crash());
        state = null;
        ledger = null;
        mempool = null;
        syncBuffer = null;
        seen = null;
    }

    /** A client submits a transaction here; the node gossips it on. */
    void submit(final SignedTransaction transaction) {
        if (up && admit(transaction)) {
            world.network.broadcast(id, new Envelope.Transaction(transaction));
        }
    }

    /** The network delivers an envelope. */
    void receive(final int from, final Envelope envelope) {
        if (!up) {
            return;
        }
        if (envelope instanceof Envelope.Consensus message) {
            world.trace.detail(message.message().signature());
            onConsensusMessage(message.message());
        } else if (envelope instanceof Envelope.Transaction transaction) {
            admit(transaction.transaction());
        } else if (envelope instanceof Envelope.Status status) {
            onStatus(from, status.height());
        } else {
            onBlocks(((Envelope.Blocks) envelope).blocks());
        }
    }

    private void onConsensusMessage(final ConsensusMessage message) {
        final long height = message.height();
        if (height < state.height() - 1 || height > state.height() + 1) {
            return;
        }
        if (!seen.contains(message.signature())) {
            if (!world.messages.verify(message, validatorsAt(height)).isAccepted()) {
                world.counts.reaction("messages failing verification");
                return;
            }
            seen.remember(message.signature());
        }
        world.checker.onDelivered(this, message);
        step(new Event.MessageReceived(message));
    }

    private void onStatus(final int from, final long peerHeight) {
        if (isSilent() || peerHeight >= state.height() || peerHeight < 1) {
            return;
        }
        final long[] range = SyncBuffer.answerRange(peerHeight, state.height());
        final List<CommittedBlock> blocks = new ArrayList<>();
        for (long height = range[0]; height < range[1]; height++) {
            blocks.add(ledger.committedBlock(height + 1).orElseThrow());
        }
        world.counts.reaction("sync answers");
        world.network.send(id, from, new Envelope.Blocks(blocks));
    }

    private void onBlocks(final List<CommittedBlock> blocks) {
        for (final CommittedBlock committed : blocks) {
            syncBuffer.hold(committed, state.height());
        }
        drainSync();
    }

    /**
     * Feeds the synced block of the current height to consensus, once its certificate checks against the height's
     * validator set; later heights wait, since their sets are known only once their parents are committed.
     */
    private void drainSync() {
        if (state.step() == RoundStep.DECIDED) {
            return;
        }
        final Optional<CommittedBlock> held = syncBuffer.take(state.height());
        if (held.isEmpty()) {
            return;
        }
        final CommittedBlock next = held.get();
        if (!world.certificates.verify(next, state.validators()).isAccepted()) {
            world.counts.reaction("synced blocks failing verification");
            return;
        }
        world.counts.reaction("blocks synced");
        step(new Event.BlockSynced(next));
    }

    private void step(final Event event) {
        apply(consensus.step(state, event));
    }

    /** Carries out a transition's actions in order; a crash may cut the list short, as it would a real node. */
    private void apply(final Transition transition) {
        state = transition.state();
        for (final Action action : transition.actions()) {
            if (!up) {
                return;
            }
            perform(action);
            if (up && world.faults.crashesMidStep(this)) {
                crash(true);
                return;
            }
        }
        if (up) {
            world.checker.onStep(this);
        }
    }

    private void perform(final Action action) {
        if (action instanceof Action.PersistSignState persist) {
            disk.put(SIGN_STATE_KEY, SignStateCodec.encode(persist.signState()));
            disk.sync();
        } else if (action instanceof Action.Broadcast broadcast) {
            send(broadcast.message());
        } else if (action instanceof Action.ScheduleTimeout timeout) {
            final Event event = new Event.TimeoutElapsed(timeout.kind(), timeout.height(), timeout.round());
            later(clock.globalDurationMicros(timeout.durationMillis() * 1000), Scheduler.Kind.TIMER, () -> step(event));
        } else if (action instanceof Action.RequestProposalContent request) {
            if (hasBug(InjectedBug.STALL_AFTER_SET_CHANGE) && request.height() > 1
                    && !validatorsAt(request.height()).equals(validatorsAt(request.height() - 1))) {
                return;
            }
            later(shellDelayMicros(), Scheduler.Kind.CONTENT, () -> step(new Event.ProposalContentReady(
                    request.height(), request.round(),
                    new ProposalContent(proposalTransactions(), closeTimeMicros(), ledger.lastHeader().getHash()))));
        } else if (action instanceof Action.ValidateBlock validate) {
            later(shellDelayMicros(), Scheduler.Kind.VALIDATION, () -> validate(validate));
        } else if (action instanceof Action.Commit commit) {
            commit(commit.committed());
        } else if (action instanceof Action.EvidenceDetected) {
            world.counts.reaction("evidence detected");
        } else if (action instanceof Action.InputIgnored ignored) {
            world.counts.reaction("inputs ignored: "
                    + ignored.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        } else {
            world.counts.reaction("signatures refused by the guard");
        }
    }

    private void validate(final Action.ValidateBlock request) {
        if (state.height() != request.height()) {
            return;
        }
        final String problem = problem(request);
        if (!problem.isEmpty()) {
            world.counts.reaction("blocks judged invalid: " + problem);
        }
        step(new Event.BlockValidated(request.height(), request.blockId(), problem.isEmpty()));
    }

    /** Why this node finds the block invalid, or empty; the planted bug also wants the height's first proposer. */
    private String problem(final Action.ValidateBlock request) {
        if (hasBug(InjectedBug.FIRST_PROPOSER_ONLY) && !request.block().getProposer()
                .equals(state.validators().proposer(request.height(), 0).address())) {
            return "it was not built by the height's first proposer";
        }
        return BlockValidity.problem(world, ledger, localNowMicros(), request.block());
    }

    /** Executes the block and stores it with its certificate in one synced ledger write, then acknowledges. */
    private void commit(final CommittedBlock committed) {
        final Block block = committed.getBlock();
        final List<VerifiedTransaction> transactions = new ArrayList<>();
        final List<ByteString> included = new ArrayList<>();
        for (final SignedTransaction transaction : block.getTransactionsList()) {
            final Outcome<VerifiedTransaction> decoded = world.transactions.decode(transaction);
            Verify.that(decoded.isOk(), "a committed block holds only decodable transactions");
            transactions.add(decoded.value());
            included.add(ByteString.copyFrom(decoded.value().hash()));
            disk.delete(mempoolKey(included.get(included.size() - 1)));
        }
        world.checker.onDecided(this, committed);
        final LedgerHeader header = ledger.close(transactions, block.getCloseTime(), Optional.of(committed)).header();
        committedHeight = block.getHeight();
        world.trace.detail(committed.getCertificate().getBlockId().toByteArray());
        world.checker.onCommit(this, committed, header, state.validators(), state.nextValidators());
        mempool.removeAll(included);
        final long height = block.getHeight();
        later(0, Scheduler.Kind.COMMIT_APPLIED, () -> {
            step(new Event.CommitApplied(height, validatorsAt(height + 2)));
            if (up) {
                drainSync();
            }
        });
    }

    /** Sends a message this node signed or relays, misbehaving as its role says. */
    private void send(final ConsensusMessage message) {
        if (message.sender().equals(address)) {
            world.registry.register(message);
            world.checker.onSigned(this, message);
        }
        if (isSilent()) {
            return;
        }
        final Optional<ConsensusMessage> conflicting = Misbehavior.conflictingTwin(this, message);
        if (conflicting.isEmpty()) {
            world.network.broadcast(id, new Envelope.Consensus(message));
            return;
        }
        world.registry.register(conflicting.get());
        world.checker.onSigned(this, conflicting.get());
        int peer = 0;
        for (int to = 0; to < world.nodes.size(); to++) {
            if (to != id) {
                world.network.send(id, to, new Envelope.Consensus(peer++ % 2 == 0 ? message : conflicting.get()));
            }
        }
    }

    private void scheduleGossip() {
        later(GOSSIP_INTERVAL_MICROS, Scheduler.Kind.GOSSIP, this::gossip);
    }

    /**
     * When the node committed nothing since the last check, it retransmits what peers may lack and asks for blocks.
     * Round changes do not count as progress: a height stalled by lost messages moves through rounds without ever
     * receiving them.
     */
    private void gossip() {
        gossipTicks++;
        if (byzantine.isPresent() && world.options.faults().spam()) {
            for (final ConsensusMessage junk : Spam.votes(this, state.height(), state.round(), gossipTicks)) {
                world.registry.register(junk);
                world.network.broadcast(id, new Envelope.Consensus(junk));
            }
        }
        if (state.height() == heightAtLastGossip && !isSilent()) {
            world.counts.reaction("retransmissions");
            for (final ConsensusMessage message : retransmitted()) {
                world.network.broadcast(id, new Envelope.Consensus(message));
            }
            world.network.broadcast(id, new Envelope.Status(state.height()));
        }
        heightAtLastGossip = state.height();
        scheduleGossip();
    }

    /**
     * The messages of the height a peer may lack, as CometBFT's gossip chooses them: those of the current and the
     * previous round, and the prevotes of the proof-of-lock rounds that kept proposals and the valid value name.
     */
    private List<ConsensusMessage> retransmitted() {
        final Set<Integer> proofRounds = new LinkedHashSet<>();
        state.valid().ifPresent(value -> proofRounds.add(value.round()));
        final List<ConsensusMessage> messages = state.messagesOfHeight();
        for (final ConsensusMessage message : messages) {
            if (message instanceof ConsensusMessage.ProposalMessage proposal) {
                proofRounds.add(proposal.proposal().getPolRound());
            }
        }
        final List<ConsensusMessage> chosen = new ArrayList<>();
        for (final ConsensusMessage message : messages) {
            if (message.round() >= state.round() - 1 || proofRounds.contains(message.round())
                    && message.signedStep().kind() == SignedStep.Kind.PREVOTE) {
                chosen.add(message);
            }
        }
        return chosen;
    }

    private boolean admit(final SignedTransaction transaction) {
        final Outcome<VerifiedTransaction> decoded = world.transactions.decode(transaction);
        if (!decoded.isOk() || ledger.transaction(decoded.value().hash()).isPresent()) {
            return false;
        }
        final Mempool.Admission admission = mempool.add(new Mempool.Entry(transaction, decoded.value()), ledger);
        if (admission == Mempool.Admission.POOL_FULL || admission == Mempool.Admission.UNKNOWN_SOURCE) {
            world.counts.reaction("transactions refused: " + admission.describe());
        }
        if (admission != Mempool.Admission.ADDED) {
            return false;
        }
        disk.put(mempoolKey(ByteString.copyFrom(decoded.value().hash())), transaction.toByteArray());
        world.checker.onAdmitted(this, decoded.value());
        return true;
    }

    /** The transactions of this node's next block; the planted censor leaves out the lowest source's. */
    private List<SignedTransaction> proposalTransactions() {
        final List<SignedTransaction> selected = mempool.select(ledger);
        if (!hasBug(InjectedBug.CENSOR_SOURCE) || selected.isEmpty()) {
            return selected;
        }
        final String censored = sourceOf(selected.get(0));
        return selected.stream().filter(transaction -> !sourceOf(transaction).equals(censored)).toList();
    }

    private String sourceOf(final SignedTransaction transaction) {
        return world.transactions.decode(transaction).value().source();
    }

    /** Runs {@code action} after a delay unless this node crashed meanwhile. */
    private void later(final long delayMicros, final Scheduler.Kind kind, final Runnable action) {
        final int scheduledIn = incarnation;
        world.scheduler.after(delayMicros, id, kind, () -> {
            if (up && incarnation == scheduledIn) {
                action.run();
            }
        });
    }

    private long shellDelayMicros() {
        return random.nextLong(MAX_SHELL_DELAY_MICROS);
    }

    private long localNowMicros() {
        final long reading = localMicrosAt(world.nowMicros());
        return hasBug(InjectedBug.CLOCK_AHEAD) ? reading + 2 * BlockValidity.MAX_CLOSE_TIME_AHEAD_MICROS : reading;
    }

    private long closeTimeMicros() {
        final long afterParent = ledger.lastHeader().getCloseTime() + 1;
        return hasBug(InjectedBug.STALE_CLOSE_TIME) ? afterParent : Math.max(localNowMicros(), afterParent);
    }

    private boolean hasBug(final InjectedBug planted) {
        return bug.equals(Optional.of(planted));
    }

    private boolean isSilent() {
        return byzantine.equals(Optional.of(ByzantineBehavior.SILENT));
    }

    /** The committed blocks in the ledger, heights 1 to the last. */
    List<CommittedBlock> storedBlocks() {
        final List<CommittedBlock> blocks = new ArrayList<>();
        for (long seq = 2; seq <= ledger.lastHeader().getSeq(); seq++) {
            blocks.add(ledger.committedBlock(seq).orElseThrow(
                    () -> new IllegalStateException("a ledger closed by consensus stores its block")));
        }
        return blocks;
    }

    /** The validator set of a consensus height, from this node's ledger. */
    private ValidatorSet validatorsAt(final long height) {
        return world.validatorSets.at(ledger, height);
    }

    private static String mempoolKey(final ByteString hash) {
        return MEMPOOL_PREFIX + Hex.encode(hash.toByteArray());
    }

    private static SignedTransaction parseTransaction(final byte[] bytes) {
        try {
            return SignedTransaction.parseFrom(bytes);
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("a journaled transaction is corrupt", e);
        }
    }
}
