package org.banyan.node.consensus;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.banyan.consensus.Action;
import org.banyan.consensus.CommitCertificateVerifier;
import org.banyan.consensus.Consensus;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.Event;
import org.banyan.consensus.State;
import org.banyan.consensus.TimeoutKind;
import org.banyan.consensus.StartPoint;
import org.banyan.consensus.Transition;
import org.banyan.consensus.ValidatorSet;
import org.banyan.consensus.Verdict;
import org.banyan.ledger.ClosedLedger;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.LedgerBatches;
import org.banyan.node.NodeMetrics;
import org.banyan.node.mempool.Mempool;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.p2p.PeerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The imperative shell of the pure consensus core ({@link Consensus}, whose Javadoc states the contract). One thread
 * owns the core's state and drains a bounded queue of inputs; it carries out each transition's actions in order:
 * it syncs the sign state before anything after it, broadcasts, schedules timers, answers content, validation and
 * commit requests at once (their answers are fed back before the next queued input), and re-sends the height's
 * votes and its own current proposal while the height makes no progress. A failed sign-state sync or commit stops
 * consensus: signing on after a lost write could double-sign, and building on a failed commit could fork.
 */
public final class ConsensusDriver implements AutoCloseable {

    /**
     * Inputs that may wait for the consensus thread: a few heights' worth of every validator's messages. Network
     * producers drop past it (peers retransmit); timers wait for room.
     */
    public static final int MAX_QUEUED_INPUTS = 4_096;

    /** How often the height's messages are re-sent while it makes no progress; one-shot delivery is never relied on. */
    public static final long RETRANSMIT_INTERVAL_MILLIS = 1_000;

    /**
     * After an empty block with nothing pending, how long the next height waits unless a transaction, or a peer's
     * message for that height, arrives first: an idle chain then commits about one empty block a second rather than
     * one per commit timeout, and a transaction still starts a height at once.
     */
    public static final long IDLE_COMMIT_PAUSE_MILLIS = 1_000;

    /** How long a timer waits for room in a full queue before trying again. */
    private static final long TIMER_BACKOFF_MILLIS = 50;

    /** How long {@link #close()} waits for the consensus thread. */
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(ConsensusDriver.class);

    /** What the consensus thread takes from its queue. */
    private sealed interface Input permits Start, CoreInput, SyncedBlocks, Retransmit, WakeUp {
    }

    /** Work arrived while the next height waited in an idle pause. */
    private record WakeUp() implements Input {
    }

    /** Start from committed state. */
    private record Start(StartPoint startPoint) implements Input {
    }

    /** An event for the core, holding {@code reservedBytes} of the inbound budget until it is handled. */
    private record CoreInput(Event event, long reservedBytes) implements Input {
    }

    /** Blocks fetched by block sync, in height order, certificates not yet checked; they hold inbound bytes too. */
    private record SyncedBlocks(List<CommittedBlock> blocks, long reservedBytes) implements Input {
    }

    /** The retransmission timer. */
    private record Retransmit() implements Input {
    }

    private final Consensus core;
    private final Optional<String> ownAddress;
    private final Ledger ledger;
    private final Mempool mempool;
    private final ValidatorSets validatorSets;
    private final BlockContents contents;
    private final SignStateFile signStateFile;
    private final CommitCertificateVerifier certificateVerifier;
    private final Consumer<PeerMessage> broadcast;
    private final LongConsumer onCommitted;
    private final NodeMetrics metrics;
    private final InboundBytes inboundBytes;
    private final BoundedInbox<Input> queue = new BoundedInbox<>(MAX_QUEUED_INPUTS, TIMER_BACKOFF_MILLIS);
    private final ScheduledExecutorService timers;
    private final Thread thread;

    private volatile boolean running;
    private volatile long currentRound;
    private volatile long position;
    private volatile boolean idlePause;
    private volatile Optional<String> stopReason = Optional.empty();

    // Only touched by the consensus thread.
    private State state;
    private long heightStartedNanos;
    private long firstProposalNanos;
    private boolean proposalSeen;
    private boolean lastBlockEmpty;
    private long positionHeight = -1;
    private int positionRound = -1;
    private Optional<Event> idleCommit = Optional.empty();

    ConsensusDriver(final Consensus core, final Ledger ledger, final Mempool mempool, final BlockContents contents,
                    final ValidatorSets validatorSets, final SignStateFile signStateFile,
                    final CommitCertificateVerifier certificateVerifier, final Consumer<PeerMessage> broadcast,
                    final LongConsumer onCommitted, final InboundBytes inboundBytes, final NodeMetrics metrics) {
        this.inboundBytes = Objects.requireNonNull(inboundBytes, "inboundBytes");
        this.core = Objects.requireNonNull(core, "core");
        this.ownAddress = core.config().address();
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mempool = Objects.requireNonNull(mempool, "mempool");
        this.contents = Objects.requireNonNull(contents, "contents");
        this.validatorSets = Objects.requireNonNull(validatorSets, "validatorSets");
        this.signStateFile = Objects.requireNonNull(signStateFile, "signStateFile");
        this.certificateVerifier = Objects.requireNonNull(certificateVerifier, "certificateVerifier");
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
        this.onCommitted = Objects.requireNonNull(onCommitted, "onCommitted");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            final Thread timer = new Thread(runnable, "consensus-timers");
            timer.setDaemon(true);
            return timer;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timers = executor;
        this.thread = new Thread(this::run, "consensus");
    }

    /** Starts the consensus thread from the committed ledger and the persisted sign state. */
    void start(final StartPoint startPoint) {
        running = true;
        thread.start();
        timers.scheduleWithFixedDelay(() -> offer(new Retransmit()), RETRANSMIT_INTERVAL_MILLIS,
            RETRANSMIT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        // The start transition runs on the consensus thread like every other, so the state has one owner.
        postBlocking(new Start(startPoint));
    }

    /**
     * Offers a verified peer message holding {@code reservedBytes} of the inbound budget, which the driver gives back
     * once it handled the message; false when the queue is full and it was dropped (peers retransmit), in which case
     * the caller keeps the reservation.
     */
    boolean offerMessage(final ConsensusMessage message, final long reservedBytes) {
        return offer(new CoreInput(new Event.MessageReceived(message), reservedBytes));
    }

    /** Offers blocks fetched by block sync, like {@link #offerMessage}; false when the queue is full. */
    boolean offerSyncedBlocks(final List<CommittedBlock> blocks, final long reservedBytes) {
        return offer(new SyncedBlocks(List.copyOf(blocks), reservedBytes));
    }

    /** Tells consensus that transactions entered the mempool, which ends an idle pause. */
    public void transactionsArrived() {
        if (idlePause) {
            offer(new WakeUp());
        }
    }

    /** A number that changes whenever consensus moves to another height or round. */
    long position() {
        return position;
    }

    /** Whether the consensus thread runs; false after a stop or a fatal failure. */
    public boolean isRunning() {
        return running;
    }

    /** Why consensus stopped on its own, if it did. */
    public Optional<String> stopReason() {
        return stopReason;
    }

    /** The round at the current height, for metrics. */
    public long currentRound() {
        return currentRound;
    }

    private boolean offer(final Input input) {
        if (!running) {
            return false;
        }
        if (queue.offer(input)) {
            return true;
        }
        metrics.consensusInputIgnored("queue_full");
        return false;
    }

    private void postBlocking(final Input input) {
        queue.offerPatiently(input, () -> running);
    }

    private void run() {
        try {
            while (running) {
                queue.next(RETRANSMIT_INTERVAL_MILLIS).ifPresent(this::handle);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException | Error e) {
            // AssertionError is how the ledger and core report a broken invariant; any failure stops consensus
            // visibly (log, reason, isRunning) rather than leaving a dead thread behind a live-looking node.
            fail("consensus failed: " + e.getMessage(), e);
        }
    }

    private void handle(final Input input) {
        if (input instanceof Start start) {
            heightStarted();
            carryOut(core.start(start.startPoint()));
        } else if (input instanceof CoreInput coreInput) {
            try {
                process(coreInput.event());
            } finally {
                inboundBytes.release(coreInput.reservedBytes());
            }
        } else if (input instanceof WakeUp) {
            endIdlePause();
        } else if (input instanceof SyncedBlocks synced) {
            try {
                applySynced(synced.blocks());
            } finally {
                inboundBytes.release(synced.reservedBytes());
            }
        } else {
            retransmitIfStalled();
        }
    }

    /** Steps the core with an event and carries out what follows. */
    private void process(final Event event) {
        if (state == null) {
            return;
        }
        if (event instanceof Event.MessageReceived received && received.message().height() == state.height()) {
            // A peer has started the height: follow at once rather than sit out the idle pause.
            endIdlePause();
        }
        if (event instanceof Event.TimeoutElapsed elapsed && elapsed.kind() == TimeoutKind.COMMIT) {
            idleCommit = Optional.empty();
            idlePause = false;
        }
        noteProposal(event);
        carryOut(core.step(state, event));
    }

    private void endIdlePause() {
        final Optional<Event> pending = idleCommit;
        idleCommit = Optional.empty();
        idlePause = false;
        pending.ifPresent(this::process);
    }

    /**
     * Carries out a transition's actions in order. Content, validation and commit answers are collected and fed to
     * the core in order once the actions of the transition that asked for them are done, before any queued input.
     */
    private void carryOut(final Transition first) {
        final Deque<Event> answers = new ArrayDeque<>();
        Transition transition = first;
        while (true) {
            state = transition.state();
            currentRound = state.round();
            // The core's state is one mutable object, so movement is judged against the last height and round seen.
            final boolean moved = state.height() != positionHeight || state.round() != positionRound;
            positionHeight = state.height();
            positionRound = state.round();
            if (moved) {
                position++;
                if (state.round() > 0) {
                    // Round 0 decides a height when the network is healthy; operators want to see when it did not.
                    LOG.info("height {} moved to round {}", state.height(), state.round());
                }
            }
            for (final Action action : transition.actions()) {
                if (!running) {
                    return;
                }
                carryOut(action, answers);
            }
            if (!running || answers.isEmpty()) {
                return;
            }
            transition = core.step(state, answers.poll());
        }
    }

    private void carryOut(final Action action, final Deque<Event> answers) {
        if (action instanceof Action.PersistSignState persist) {
            try {
                signStateFile.write(persist.signState());
            } catch (final UncheckedIOException e) {
                metrics.signStateSyncFailed();
                fail("the sign state could not be synced; consensus stops and signs nothing more", e);
            }
        } else if (action instanceof Action.Broadcast message) {
            if (message.message() instanceof ConsensusMessage.ProposalMessage) {
                noteProposalSeen();
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("sending {}", PeerMessages.describe(message.message()));
            }
            broadcast.accept(PeerMessages.of(message.message()));
        } else if (action instanceof Action.ScheduleTimeout timeout) {
            final Event elapsed = new Event.TimeoutElapsed(timeout.kind(), timeout.height(), timeout.round());
            long delayMillis = timeout.durationMillis();
            if (timeout.kind() == TimeoutKind.COMMIT && lastBlockEmpty && mempool.size() == 0) {
                idleCommit = Optional.of(elapsed);
                idlePause = true;
                delayMillis = Math.max(delayMillis, IDLE_COMMIT_PAUSE_MILLIS);
            }
            timers.schedule(() -> postBlocking(new CoreInput(elapsed, 0)), delayMillis, TimeUnit.MILLISECONDS);
        } else if (action instanceof Action.RequestProposalContent request) {
            answers.add(new Event.ProposalContentReady(request.height(), request.round(),
                contents.proposalContent()));
        } else if (action instanceof Action.ValidateBlock validate) {
            final Optional<String> problem = contents.problemWith(validate.height(), validate.block());
            problem.ifPresent(reason -> LOG.warn("block {} at height {} is invalid: {}", validate.blockId(),
                validate.height(), reason));
            answers.add(new Event.BlockValidated(validate.height(), validate.blockId(), problem.isEmpty()));
        } else if (action instanceof Action.Commit commit) {
            answers.add(commit(commit.committed()));
        } else if (action instanceof Action.EvidenceDetected evidence) {
            LOG.warn("validator {} equivocated at height {}", evidence.evidence().getFirst().getValidator(),
                evidence.evidence().getFirst().getHeight());
        } else if (action instanceof Action.InputIgnored ignored) {
            metrics.consensusInputIgnored(ignored.reason().name().toLowerCase(Locale.ROOT));
            LOG.debug("consensus ignored an input: {} ({})", ignored.reason(), ignored.detail());
        } else if (action instanceof Action.SigningRefused refused) {
            LOG.warn("the double-sign guard refused to sign: {}", refused.reason());
        }
    }

    /** Executes and stores a decided block with its certificate in one synced write, then moves on. */
    private Event commit(final CommittedBlock committed) {
        final Block block = committed.getBlock();
        final long startNanos = System.nanoTime();
        final List<VerifiedTransaction> transactions = contents.transactionsOf(block);
        final ClosedLedger closed = ledger.close(transactions, block.getCloseTime(), Optional.of(committed));
        final long height = closed.header().getSeq();
        if (height != block.getHeight()) {
            throw new IllegalStateException("committed ledger " + height + " for a block at height "
                + block.getHeight());
        }
        LedgerBatches.pruneMempool(ledger, mempool, transactions, closed.rejected());
        lastBlockEmpty = transactions.isEmpty();
        contents.heightCommitted();
        metrics.ledgerClosed(closed, System.nanoTime() - startNanos);
        if (proposalSeen) {
            metrics.consensusCommitted(System.nanoTime() - firstProposalNanos);
        }
        metrics.missingVotes(missingPrecommits(committed));
        LOG.debug("committed height {} with {} transactions in round {}", height, closed.results().size(),
            committed.getCertificate().getRound());
        heightStarted();
        onCommitted.accept(height);
        return new Event.CommitApplied(height, validatorSets.at(height + 2));
    }

    private int missingPrecommits(final CommittedBlock committed) {
        final Set<String> signers = new HashSet<>();
        for (final Vote precommit : committed.getCertificate().getPrecommitsList()) {
            signers.add(precommit.getValidator());
        }
        final ValidatorSet validators = validatorSets.at(committed.getBlock().getHeight());
        return (int) validators.validators().stream().filter(v -> !signers.contains(v.address())).count();
    }

    /** Checks each synced block's certificate against the set of its height, then hands it to the core. */
    private void applySynced(final List<CommittedBlock> blocks) {
        for (final CommittedBlock committed : blocks) {
            if (!running || state == null) {
                return;
            }
            final long height = committed.getBlock().getHeight();
            if (height < state.height()) {
                continue;
            }
            if (height > state.height()) {
                return;
            }
            final Verdict verdict = certificateVerifier.verify(committed, validatorSets.at(height));
            if (verdict instanceof Verdict.Rejected rejected) {
                metrics.consensusInputIgnored("bad_certificate");
                LOG.warn("a synced block for height {} has a bad certificate: {}", height, rejected.reason());
                return;
            }
            process(new Event.BlockSynced(committed));
        }
    }

    private void retransmitIfStalled() {
        if (state == null
            || System.nanoTime() - heightStartedNanos < TimeUnit.MILLISECONDS.toNanos(RETRANSMIT_INTERVAL_MILLIS)) {
            return;
        }
        final List<ConsensusMessage> repeated = state.messagesOfHeight().stream().filter(this::isToRepeat).toList();
        LOG.debug("height {} round {} stalled; re-sending {} messages", state.height(), state.round(),
            repeated.size());
        for (final ConsensusMessage message : repeated) {
            broadcast.accept(PeerMessages.of(message));
        }
    }

    /**
     * Whether a message of the height is re-sent: every vote this node holds, and its own proposal of the current
     * round. Votes are small, and a validator that was away needs the others' (also those of a validator that is
     * down now) to see the proof-of-lock that lets it follow a locked value; proposals are megabytes, so each is
     * re-sent by its proposer alone, and only while its round is current.
     */
    private boolean isToRepeat(final ConsensusMessage message) {
        if (message instanceof ConsensusMessage.VoteMessage) {
            return true;
        }
        final Proposal proposal = ((ConsensusMessage.ProposalMessage) message).proposal();
        return ownAddress.isPresent() && proposal.getProposer().equals(ownAddress.get())
            && proposal.getRound() == state.round();
    }


    private void noteProposal(final Event event) {
        if (event instanceof Event.MessageReceived received
            && received.message() instanceof ConsensusMessage.ProposalMessage proposal
            && proposal.height() == state.height()) {
            noteProposalSeen();
        }
    }

    private void noteProposalSeen() {
        if (!proposalSeen) {
            proposalSeen = true;
            firstProposalNanos = System.nanoTime();
        }
    }

    private void heightStarted() {
        heightStartedNanos = System.nanoTime();
        proposalSeen = false;
    }

    private void fail(final String reason, final Throwable cause) {
        LOG.error(reason, cause);
        stopReason = Optional.of(reason + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        running = false;
    }

    /** Stops the thread and the timers; the state on disk is already synced. */
    @Override
    public void close() {
        running = false;
        timers.shutdownNow();
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(STOP_TIMEOUT_MILLIS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
