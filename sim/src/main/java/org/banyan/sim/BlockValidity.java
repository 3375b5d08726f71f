package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.HashSet;
import java.util.Set;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.Hashes;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * The simulated application's {@code valid(v)} (spec §2.4), for the parts consensus leaves to the shell: the ledger
 * and next validator set the block names, the last commit's certificate, evidence, close time, and transactions.
 * Apart from the bound on how far the close time may run ahead of the local clock, which correct clocks never
 * approach, it depends on the block and committed state only.
 */
final class BlockValidity {

    /** How far a block's close time may be ahead of the validating node's clock. */
    static final long MAX_CLOSE_TIME_AHEAD_MICROS = 5_000_000;

    private BlockValidity() {
    }

    /** Why the block is invalid for this node, or empty when it is valid. */
    static String problem(final World world, final Ledger ledger, final long localNowMicros, final Block block) {
        if (!block.getPreviousLedgerHash().equals(ledger.lastHeader().getHash())) {
            return "it names another previous ledger than this node's";
        }
        if (!block.getNextValidatorsHash().equals(world.validatorSets.at(ledger, block.getHeight() + 1).hash())) {
            return "it names another validator set for the next height than this node's";
        }
        if (block.getCloseTime() <= ledger.lastHeader().getCloseTime()) {
            return "its close time does not follow the parent's";
        }
        if (block.getCloseTime() > localNowMicros + MAX_CLOSE_TIME_AHEAD_MICROS) {
            return "its close time is too far ahead of this node's clock";
        }
        if (block.getTransactionsCount() > Mempool.MAX_TRANSACTIONS_PER_BLOCK) {
            return "it carries too many transactions";
        }
        if (block.hasLastCommit() && !world.certificates.verify(block.getLastCommit(),
                world.validatorSets.at(ledger, block.getHeight() - 1)).isAccepted()) {
            return "its last commit does not verify";
        }
        for (final Evidence evidence : block.getEvidenceList()) {
            final long height = evidence.getFirst().getHeight();
            if (height < 1 || height > block.getHeight()) {
                return "it carries evidence from height " + height;
            }
            final ValidatorSet validators = world.validatorSets.at(ledger, height);
            if (!world.messages.verify(evidence, validators).isAccepted()) {
                return "it carries evidence that does not verify";
            }
        }
        final Set<ByteString> hashes = new HashSet<>();
        for (final SignedTransaction transaction : block.getTransactionsList()) {
            final Outcome<VerifiedTransaction> decoded = world.transactions.decode(transaction);
            if (!decoded.isOk()) {
                return "a transaction fails decoding: " + decoded.error().message();
            }
            final ByteString hash = ByteString.copyFrom(decoded.value().hash());
            if (!hashes.add(hash) || ledger.transaction(hash.toByteArray()).isPresent()) {
                return "it repeats a transaction";
            }
        }
        return "";
    }

    /** SHA-256 of a transaction's blob: the hash the ledger and clients know it by. */
    static ByteString hashOf(final SignedTransaction transaction) {
        return ByteString.copyFrom(Hashes.sha256(transaction.getBlob().toByteArray()));
    }
}
