package org.banyan.node.consensus;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.banyan.consensus.CommitCertificateVerifier;
import org.banyan.consensus.MessageVerifier;
import org.banyan.consensus.ProposalContent;
import org.banyan.consensus.SignatureVerifier;
import org.banyan.consensus.Verdict;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.node.LedgerBatches;
import org.banyan.node.LedgerCloser;
import org.banyan.node.mempool.Mempool;
import org.banyan.node.mempool.PendingTransaction;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * The transactions of consensus blocks: what this node proposes, whether a proposed block is valid (the spec's
 * deterministic {@code valid(v)}), and the verified transactions a decided block executes. Each envelope's signatures
 * are verified once: a transaction already verified in the mempool or in an earlier proposal of the height is reused
 * when its envelope is the same. Used by the consensus thread only.
 */
final class BlockContents {

    /**
     * Verified transactions remembered within a height: a few rounds' full proposals. Past it the memory is dropped
     * and later proposals are verified afresh, which costs time, never correctness.
     */
    static final int MAX_REMEMBERED_TRANSACTIONS = 4 * LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER;

    /**
     * Transactions one proposal carries at most, below the ledger's cap: every validator must receive, hash and
     * check a proposal within the propose wait, and a backlog drains faster in several quick heights than in one
     * round that times out and starts over.
     */
    static final int MAX_PROPOSED_TRANSACTIONS = 5_000;

    private final Ledger ledger;
    private final Mempool mempool;
    private final Clock clock;
    private final ValidatorSets validatorSets;
    private final CommitCertificateVerifier certificateVerifier;
    private final MessageVerifier messageVerifier;
    private final int rememberCap;
    private final Map<String, VerifiedTransaction> verified = new HashMap<>();

    BlockContents(final Ledger ledger, final Mempool mempool, final Clock clock, final ValidatorSets validatorSets) {
        this(ledger, mempool, clock, validatorSets, MAX_REMEMBERED_TRANSACTIONS);
    }

    /** With another memory cap than {@link #MAX_REMEMBERED_TRANSACTIONS}, so tests can reach it. */
    BlockContents(final Ledger ledger, final Mempool mempool, final Clock clock, final ValidatorSets validatorSets,
                  final int rememberCap) {
        this.rememberCap = rememberCap;
        this.certificateVerifier = new CommitCertificateVerifier(ledger.chainId(), SignatureVerifier.PUBLIC_KEY);
        this.messageVerifier = new MessageVerifier(ledger.chainId(), SignatureVerifier.PUBLIC_KEY);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mempool = Objects.requireNonNull(mempool, "mempool");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validatorSets = Objects.requireNonNull(validatorSets, "validatorSets");
    }

    /** Ready mempool transactions, within the ledger caps, and a close time after the parent's. */
    ProposalContent proposalContent() {
        final List<SignedTransaction> transactions = new ArrayList<>();
        for (final VerifiedTransaction transaction : LedgerBatches.takeReady(ledger, mempool,
            MAX_PROPOSED_TRANSACTIONS)) {
            remember(transaction);
            transactions.add(envelopeOf(transaction));
        }
        return new ProposalContent(transactions, LedgerBatches.nextCloseTimeMicros(ledger, clock),
            ledger.lastHeader().getHash());
    }

    /** Why the block is not a valid value for {@code height} on the committed ledger, or empty if it is valid. */
    Optional<String> problemWith(final long height, final Block block) {
        final long last = ledger.lastHeader().getSeq();
        if (block.getHeight() != height || height != last + 1) {
            return Optional.of("the block is for height " + block.getHeight() + " but the next ledger is " + (last + 1));
        }
        if (!block.getPreviousHash().equals(ChainTip.parentId(ledger, last))) {
            return Optional.of("the block's parent is not the last committed block");
        }
        if (block.getCloseTime() <= ledger.lastHeader().getCloseTime()) {
            return Optional.of("the close time " + block.getCloseTime() + " is not after the parent's "
                + ledger.lastHeader().getCloseTime());
        }
        if (!block.getValidatorsHash().equals(validatorSets.at(height).hash())) {
            return Optional.of("the validators hash is not that of height " + height + "'s set");
        }
        if (!block.getPreviousLedgerHash().equals(ledger.lastHeader().getHash())) {
            return Optional.of("the block names another previous ledger than ledger " + last);
        }
        if (!block.getNextValidatorsHash().equals(validatorSets.at(height + 1).hash())) {
            return Optional.of("the next validators hash is not that of height " + (height + 1) + "'s set");
        }
        final Optional<String> proofProblem = proofProblem(height, block);
        if (proofProblem.isPresent()) {
            return proofProblem;
        }
        if (block.getTransactionsCount() > LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER) {
            return Optional.of("the block has " + block.getTransactionsCount() + " transactions; at most "
                + LedgerCloser.MAX_TRANSACTIONS_PER_LEDGER + " fit in a ledger");
        }
        long bytes = 0;
        final Set<String> hashes = new HashSet<>();
        for (final Outcome<VerifiedTransaction> transaction : verifyAll(block.getTransactionsList())) {
            if (!transaction.isOk()) {
                return Optional.of("a transaction is invalid: " + transaction.error().message());
            }
            if (!hashes.add(transaction.value().hashHex())) {
                return Optional.of("transaction " + transaction.value().hashHex() + " appears twice");
            }
            bytes += transaction.value().sizeBytes();
        }
        if (bytes > LedgerCloser.MAX_LEDGER_BYTES) {
            return Optional.of("the transactions take " + bytes + " bytes; at most " + LedgerCloser.MAX_LEDGER_BYTES
                + " fit in a ledger");
        }
        return Optional.empty();
    }

    /**
     * The signed parts the core cannot check: the last commit must be a quorum of valid precommits under the
     * previous height's set, and each piece of evidence two valid conflicting votes under its height's set.
     */
    private Optional<String> proofProblem(final long height, final Block block) {
        if (block.hasLastCommit()) {
            final Verdict verdict = certificateVerifier.verify(block.getLastCommit(), validatorSets.at(height - 1));
            if (verdict instanceof Verdict.Rejected rejected) {
                return Optional.of("the last commit is invalid: " + rejected.reason());
            }
        }
        for (final Evidence evidence : block.getEvidenceList()) {
            final long evidenceHeight = evidence.getFirst().getHeight();
            if (evidenceHeight < 1 || evidenceHeight > height) {
                return Optional.of("evidence names height " + evidenceHeight);
            }
            final Verdict verdict = messageVerifier.verify(evidence, validatorSets.at(evidenceHeight));
            if (verdict instanceof Verdict.Rejected rejected) {
                return Optional.of("evidence is invalid: " + rejected.reason());
            }
        }
        return Optional.empty();
    }

    /**
     * The verified transactions of a decided block, in order.
     *
     * @throws IllegalStateException if one does not verify: a quorum agreed on an invalid block, so more than a
     *     third of the validators are faulty and going on would build on it
     */
    List<VerifiedTransaction> transactionsOf(final Block block) {
        final List<VerifiedTransaction> transactions = new ArrayList<>(block.getTransactionsCount());
        for (final Outcome<VerifiedTransaction> transaction : verifyAll(block.getTransactionsList())) {
            if (!transaction.isOk()) {
                throw new IllegalStateException("the decided block at height " + block.getHeight()
                    + " holds an invalid transaction: " + transaction.error().message());
            }
            transactions.add(transaction.value());
        }
        return transactions;
    }

    /** Forgets the height's verified transactions once it is committed. */
    void heightCommitted() {
        verified.clear();
    }

    /** Transactions remembered now; never more than the cap. */
    int rememberedCount() {
        return verified.size();
    }

    /**
     * Each envelope verified, in order. Known ones (in the mempool or an earlier proposal of the height, with the same
     * signatures) are looked up; the rest are decoded in parallel, because the signature checks of a block's unseen
     * transactions are what validating it costs, and one thread doing them in turn would hold up consensus.
     */
    private List<Outcome<VerifiedTransaction>> verifyAll(final List<SignedTransaction> envelopes) {
        final List<Outcome<VerifiedTransaction>> outcomes = new ArrayList<>(envelopes.size());
        final List<Integer> unknown = new ArrayList<>();
        for (final SignedTransaction envelope : envelopes) {
            final Optional<VerifiedTransaction> known = known(envelope);
            if (known.isEmpty()) {
                unknown.add(outcomes.size());
            }
            outcomes.add(known.map(Outcome::ok).orElse(null));
        }
        final List<Outcome<VerifiedTransaction>> decoded = unknown.parallelStream()
            .map(index -> TransactionDecoder.decode(envelopes.get(index).getBlob().toByteArray(),
                envelopes.get(index).getSignaturesList()))
            .toList();
        for (int position = 0; position < unknown.size(); position++) {
            final Outcome<VerifiedTransaction> outcome = decoded.get(position);
            if (outcome.isOk()) {
                remember(outcome.value());
            }
            outcomes.set(unknown.get(position), outcome);
        }
        return outcomes;
    }

    private Optional<VerifiedTransaction> known(final SignedTransaction envelope) {
        final String hashHex = Hex.encode(Hashes.sha256(envelope.getBlob().toByteArray()));
        return Optional.ofNullable(verified.get(hashHex))
            .or(() -> mempool.get(hashHex).map(PendingTransaction::transaction))
            .filter(transaction -> transaction.signatures().equals(envelope.getSignaturesList()));
    }

    private void remember(final VerifiedTransaction transaction) {
        if (verified.size() >= rememberCap) {
            verified.clear();
        }
        verified.put(transaction.hashHex(), transaction);
    }

    /** The envelope that carries a verified transaction, its exact signed bytes, in a block or a gossip message. */
    static SignedTransaction envelopeOf(final VerifiedTransaction transaction) {
        return SignedTransaction.newBuilder().setBlob(ByteString.copyFrom(transaction.blob()))
            .addAllSignatures(transaction.signatures()).build();
    }
}
