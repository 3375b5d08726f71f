package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.Optional;
import org.banyan.protocol.consensus.CommitCertificate;

/**
 * Where a node's consensus starts or restarts, read by the shell from committed state and the synced sign state.
 *
 * @param height the first height not yet committed
 * @param parentId id of the block committed at {@code height - 1}; for the first height, whatever the chain fixes
 *     (the genesis ledger hash)
 * @param lastCommit the certificate of {@code height - 1}; empty only at the chain's first height
 * @param validators the set of {@code height}
 * @param nextValidators the set of {@code height + 1}, fixed when {@code height - 1} was committed
 */
public record StartPoint(long height, ByteString parentId, Optional<CommitCertificate> lastCommit,
                         ValidatorSet validators, ValidatorSet nextValidators, SignState signState) {

    public StartPoint {
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(lastCommit, "lastCommit");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(nextValidators, "nextValidators");
        Objects.requireNonNull(signState, "signState");
        if (height < 1) {
            throw new IllegalArgumentException("heights start at 1, got " + height);
        }
        lastCommit.ifPresent(certificate -> {
            if (certificate.getHeight() != height - 1 || !certificate.getBlockId().equals(parentId)) {
                throw new IllegalArgumentException("the last commit must certify the parent at height " + (height - 1));
            }
        });
    }
}
