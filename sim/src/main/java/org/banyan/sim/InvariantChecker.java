package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.SignedStep;
import org.banyan.consensus.ValidatorSet;
import org.banyan.consensus.Verdict;
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
 *   <li>S7 deterministic execution: equal ledger headers (state roots included) at every height;</li>
 *   <li>S8 validator-set consistency: correct nodes run each height with one set, the one its blocks name.</li>
 * </ul>
 * Liveness (L1, L2) is judged by {@link Simulation} after GST.
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

    InvariantChecker(final World world) {
        this.world = world;
    }

    List<Violation> violations() {
        return violations;
    }

    /** Height of the chain the checker saw a node commit. */
    long committedHeight(final SimNode node) {
        return chains.getOrDefault(node.id, List.of()).size();
    }

    /** S5: a message a node signs is leaving it. */
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
    }

    /** S1–S4, S7, S8: a node committed a block, executing it under its validator set for the height. */
    void onCommit(final SimNode node, final CommittedBlock committed, final LedgerHeader header,
                  final ValidatorSet nodeValidators) {
        final long height = committed.getBlock().getHeight();
        final Verdict certificate = world.certificates.verify(committed, nodeValidators);
        if (!certificate.isAccepted()) {
            report("S4 certificate soundness", "node " + node.id + " committed height " + height + " with a certificate"
                    + " that fails: " + ((Verdict.Rejected) certificate).reason());
        }
        if (!committed.getBlock().getValidatorsHash().equals(nodeValidators.hash())) {
            report("S8 validator-set consistency", "node " + node.id + " committed a block of height " + height
                    + " that names another validator set than its own");
        }
        checkExecution(node, height, header);
        if (!node.isCorrect()) {
            return;
        }
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
            checkTransactions(height, committed);
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
