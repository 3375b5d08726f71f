package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.SignedStep;
import org.banyan.consensus.ValidatorSet;
import org.banyan.consensus.Verdict;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.consensus.Vote;

/**
 * Watches the whole cluster, not one node (spec §3.3), and records every broken invariant:
 * <ul>
 *   <li>S1 agreement: no two correct nodes commit different blocks at one height; if they do, the signers both
 *       certificates share must carry more than a third of the power and all be Byzantine (accountability);</li>
 *   <li>S2 validity: committed transactions were submitted by clients, and none is committed twice;</li>
 *   <li>S3 append-only: a correct node commits heights in order, and after a restart its store still holds exactly
 *       the chain it committed;</li>
 *   <li>S4 certificate soundness: every certificate verifies against the validator set of its height;</li>
 *   <li>S5 no double-sign: a correct validator signs at most one value per (height, round, kind), across restarts;</li>
 *   <li>S6 lock discipline, by {@link LockDiscipline};</li>
 *   <li>S7 deterministic execution: equal ledger headers (state roots included) at every height;</li>
 *   <li>S7 also: every committed block names the ledger that correct nodes reached after its parent;</li>
 *   <li>S8 validator-set consistency: correct nodes run each height with one set, the one its blocks name, and its
 *       blocks name the set of the next height the nodes run next;</li>
 *   <li>S9 time, by {@link BlockTimes};</li>
 *   <li>S10 resource bounds, by {@link ResourceBounds};</li>
 *   <li>L3 progress despite faulty proposers, by {@link RoundProgress}, and L4 inclusion, by {@link Inclusion}.</li>
 * </ul>
 * Each is checked as the events it concerns happen, and where state is left to inspect, again at the end. L1, L2 and
 * L5 are judged by {@link LivenessGoal}, from the heights this checker sees committed and the validator-set changes
 * it learns of.
 */
final class InvariantChecker {

    private final World world;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<Long, CommittedBlock> firstCommits = new TreeMap<>();
    private final Map<Long, ByteString> headerHashes = new TreeMap<>();
    private final Map<String, SignedStep> signedSlots = new HashMap<>();
    private final Map<Integer, List<ByteString>> chains = new HashMap<>();
    private final Map<ByteString, Long> committedTransactions = new HashMap<>();
    private final Map<Long, ValidatorSet> validatorSets = new HashMap<>();
    /** First heights of new validator sets, known once the height before them is committed. */
    private final NavigableSet<Long> validatorSetChanges = new TreeSet<>();
    private final LockDiscipline lockDiscipline;
    private final BlockTimes blockTimes;
    private final ResourceBounds resourceBounds;
    private final RoundProgress roundProgress;
    private final Inclusion inclusion;

    InvariantChecker(final World world) {
        this.world = world;
        this.lockDiscipline = new LockDiscipline(this::report, world.counts);
        this.blockTimes = new BlockTimes(world, this::report);
        this.resourceBounds = new ResourceBounds(this::report, world.network);
        this.roundProgress = new RoundProgress(this::report, world.counts, world.nodes.stream()
                .filter(node -> !node.isCorrect()).map(node -> node.address).collect(Collectors.toSet()));
        this.inclusion = new Inclusion(this::report, world.counts, world.nodes.stream().filter(SimNode::isCorrect)
                .map(node -> node.id).collect(Collectors.toSet()), this::isCommitted);
    }

    List<Violation> violations() {
        return violations;
    }

    /** First heights of new validator sets seen so far; the set grows as the run goes on. */
    NavigableSet<Long> validatorSetChanges() {
        return validatorSetChanges;
    }

    /** S5, S6: a message a node signed is leaving it. */
    void onSigned(final SimNode node, final ConsensusMessage message) {
        if (!node.isCorrect()) {
            return;
        }
        final SignedStep step = message.signedStep();
        final String slot = message.sender() + '/' + step.height() + '/' + step.round() + '/' + step.kind();
        final SignedStep earlier = signedSlots.putIfAbsent(slot, step);
        if (earlier != null && !earlier.equals(step)) {
            report("S5 no double-sign", "correct node " + node.id + " signed " + step.kind() + " at height "
                    + step.height() + " round " + step.round() + " for " + describe(earlier) + " and " + describe(step));
        }
        if (message instanceof ConsensusMessage.VoteMessage vote) {
            lockDiscipline.onSigned(node.id, vote.vote(), node.currentValidators());
        }
    }

    /** S6: a consensus message passed a node's signature check and goes to its core. */
    void onDelivered(final SimNode node, final ConsensusMessage message) {
        if (node.isCorrect() && message instanceof ConsensusMessage.VoteMessage vote) {
            lockDiscipline.onDelivered(node.id, vote.vote());
        }
    }

    /** S9: a node decided a block and is about to execute it. */
    void onDecided(final SimNode node, final CommittedBlock committed) {
        if (node.isCorrect()) {
            blockTimes.onDecided(node, committed);
        }
    }

    /** S10, L3: a node's core took a step and the shell carried out its actions. */
    void onStep(final SimNode node) {
        if (node.isCorrect()) {
            resourceBounds.check(node);
            roundProgress.onStep(node);
        }
    }

    /** L4: a node put a transaction in its mempool. */
    void onAdmitted(final SimNode node, final VerifiedTransaction transaction) {
        inclusion.onAdmitted(node, transaction);
    }

    /** GST: crashed nodes have restarted, and liveness counts from now. */
    void onGst() {
        final List<SimNode> correct = runningCorrectNodes();
        roundProgress.onGst(correct);
        inclusion.onGst(correct);
    }

    /** At the end of a run without violations so far: what can be inspected once more. */
    void atEnd() {
        final List<SimNode> correct = runningCorrectNodes();
        blockTimes.atEnd(correct);
        resourceBounds.atEnd(correct);
    }

    /**
     * S1–S4, S7, S8: a node committed a block, executing it under its validator set for the height; it already knows
     * the set of the next height, so a change is learnt a height before it takes effect (L5).
     */
    void onCommit(final SimNode node, final CommittedBlock committed, final LedgerHeader header,
                  final ValidatorSet nodeValidators, final ValidatorSet nodeNextValidators) {
        final long height = committed.getBlock().getHeight();
        final Verdict certificate = world.certificates.verify(committed, nodeValidators);
        if (!certificate.isAccepted()) {
            report("S4 certificate soundness", "node " + node.id + " committed height " + height + " with a certificate"
                    + " that fails: " + ((Verdict.Rejected) certificate).reason());
        }
        if (!committed.getBlock().getValidatorsHash().equals(nodeValidators.hash())
                || !committed.getBlock().getNextValidatorsHash().equals(nodeNextValidators.hash())) {
            report("S8 validator-set consistency", "node " + node.id + " committed a block of height " + height
                    + " that names another validator set than its own for that height or the next");
        }
        final ByteString previousLedger = height == 1 ? world.genesisId : headerHashes.get(height - 1);
        if (previousLedger != null && !previousLedger.equals(committed.getBlock().getPreviousLedgerHash())) {
            report("S7 deterministic execution", "node " + node.id + " committed a block of height " + height
                    + " that names another previous ledger than the one reached after height " + (height - 1));
        }
        checkExecution(node, height, header);
        if (!node.isCorrect()) {
            return;
        }
        lockDiscipline.onCommitted(node.id, height);
        final ValidatorSet firstSet = validatorSets.putIfAbsent(height, nodeValidators);
        if (firstSet == null && height > 1 && !nodeValidators.equals(validatorSets.get(height - 1))) {
            world.counts.reaction("validator-set changes applied");
        }
        if (firstSet != null && !firstSet.equals(nodeValidators)) {
            report("S8 validator-set consistency", "node " + node.id + " ran height " + height + " with another"
                    + " validator set than a correct node before it");
        }
        final List<ByteString> chain = chains.computeIfAbsent(node.id, id -> new ArrayList<>());
        if (height != chain.size() + 1) {
            report("S3 append-only", "node " + node.id + " committed height " + height + " after height " + chain.size());
        }
        chain.add(committed.getCertificate().getBlockId());
        final CommittedBlock first = firstCommits.putIfAbsent(height, committed);
        if (first != null && !first.getCertificate().getBlockId().equals(committed.getCertificate().getBlockId())) {
            report("S1 agreement", "node " + node.id + " committed another block at height " + height + " than a"
                    + " correct node before it");
            checkAccountability(height, first.getCertificate(), committed.getCertificate());
        }
        if (first == null) {
            onFirstCommit(committed, nodeValidators, nodeNextValidators);
        }
    }

    /** Whether a transaction (by the hash of its blob) is in a block some correct node committed. */
    boolean isCommitted(final ByteString transactionHash) {
        return committedTransactions.containsKey(transactionHash);
    }

    /** S3 across a crash: the store holds exactly the chain committed before it. */
    void onRestart(final SimNode node, final List<CommittedBlock> stored) {
        final List<ByteString> chain = chains.get(node.id);
        if (chain == null || !node.isCorrect()) {
            return;
        }
        if (stored.size() < chain.size()) {
            report("S3 append-only", "node " + node.id + " restarted with " + stored.size() + " blocks after committing "
                    + chain.size());
            return;
        }
        for (int index = 0; index < chain.size(); index++) {
            if (!stored.get(index).getCertificate().getBlockId().equals(chain.get(index))) {
                report("S3 append-only", "node " + node.id + " restarted with another block at height " + (index + 1));
                return;
            }
        }
        for (int index = chain.size(); index < stored.size(); index++) {
            chain.add(stored.get(index).getCertificate().getBlockId());
        }
    }

    /** Records a violation found elsewhere (a node's own always-on check failing is one). */
    void report(final String invariant, final String detail) {
        violations.add(new Violation(invariant, detail, world.nowMicros() - world.scheduler.startMicros()));
    }

    private void checkExecution(final SimNode node, final long height, final LedgerHeader header) {
        final ByteString first = headerHashes.putIfAbsent(height, header.getHash());
        if (first != null && !first.equals(header.getHash()) && node.isCorrect()) {
            report("S7 deterministic execution", "node " + node.id + " reached another ledger header after height "
                    + height);
        }
    }

    /** The first correct node committed a height: the chain grew. */
    private void onFirstCommit(final CommittedBlock committed, final ValidatorSet validators,
                               final ValidatorSet nextValidators) {
        final long height = committed.getBlock().getHeight();
        if (!nextValidators.equals(validators)) {
            validatorSetChanges.add(height + 1);
        }
        checkTransactions(height, committed);
        final List<VerifiedTransaction> included = new ArrayList<>();
        for (final SignedTransaction transaction : committed.getBlock().getTransactionsList()) {
            final Outcome<VerifiedTransaction> decoded = world.transactions.decode(transaction);
            if (decoded.isOk()) {
                included.add(decoded.value());
            }
        }
        inclusion.onDecided(height, included);
        roundProgress.onDecided(height, committed.getCertificate().getRound(), validators);
    }

    private List<SimNode> runningCorrectNodes() {
        return world.nodes.stream().filter(node -> node.isCorrect() && node.isUp()).toList();
    }

    private void checkTransactions(final long height, final CommittedBlock committed) {
        for (final SignedTransaction transaction : committed.getBlock().getTransactionsList()) {
            final ByteString hash = BlockValidity.hashOf(transaction);
            if (!world.workload.wasSubmitted(hash)) {
                report("S2 validity", "height " + height + " commits a transaction no client submitted");
            }
            world.counts.reaction("transactions committed");
            final Long earlier = committedTransactions.putIfAbsent(hash, height);
            if (earlier != null) {
                report("S2 validity", "height " + height + " commits a transaction already committed at " + earlier);
            }
        }
    }

    /**
     * Two certificates for different blocks at one height: the validators that signed both must hold more than a
     * third of the power, and none of them may be correct (TendermintAcc_004 accountability).
     */
    private void checkAccountability(final long height, final CommitCertificate first, final CommitCertificate second) {
        final Set<String> firstSigners = new HashSet<>();
        first.getPrecommitsList().forEach(vote -> firstSigners.add(vote.getValidator()));
        final ValidatorSet validators = validatorSets.get(height);
        long sharedPower = 0;
        for (final Vote vote : second.getPrecommitsList()) {
            if (firstSigners.contains(vote.getValidator())) {
                sharedPower += validators.powerOf(vote.getValidator());
                final boolean correct = world.nodes.stream()
                        .anyMatch(node -> node.isCorrect() && node.address.equals(vote.getValidator()));
                if (correct) {
                    report("S4 accountability", "correct validator " + vote.getValidator() + " signed both conflicting"
                            + " certificates at height " + height);
                }
            }
        }
        if (!validators.exceedsOneThird(sharedPower)) {
            report("S4 accountability", "the conflicting certificates at height " + height + " share only "
                    + sharedPower + " of " + validators.totalPower() + " power");
        }
    }

    private static String describe(final SignedStep step) {
        return step.value().map(Object::toString).orElse("nil")
                + (step.kind() == SignedStep.Kind.PROPOSAL ? " (pol " + step.polRound() + ")" : "");
    }
}
