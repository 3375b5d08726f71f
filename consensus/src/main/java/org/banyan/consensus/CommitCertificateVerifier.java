package org.banyan.consensus;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * Checks a commit certificate against the validator set of its height: every precommit is for the certificate's
 * height, round and block, from a distinct member, validly signed, and together they carry more than two thirds of
 * the set's power. Pure; used by block sync and light clients, which must trust no peer.
 */
public final class CommitCertificateVerifier {

    private final long chainId;
    private final SignatureVerifier signatures;

    public CommitCertificateVerifier(final long chainId, final SignatureVerifier signatures) {
        this.chainId = chainId;
        this.signatures = Objects.requireNonNull(signatures, "signatures");
    }

    /** Checks a committed block: its certificate, and that the certificate is for this very block and height. */
    public Verdict verify(final CommittedBlock committed, final ValidatorSet validators) {
        return verify(BlockHeaders.of(committed.getBlock()), committed.getCertificate(), validators);
    }

    /**
     * Checks a block header with its certificate, as a light client does without the block: the certificate, and that
     * it is for this header's height and id.
     */
    public Verdict verify(final BlockHeader header, final CommitCertificate certificate,
                          final ValidatorSet validators) {
        if (header.getHeight() != certificate.getHeight()) {
            return Verdict.rejected("the certificate is for height " + certificate.getHeight() + ", the block for "
                    + header.getHeight());
        }
        if (!BlockId.of(header).bytes().equals(certificate.getBlockId())) {
            return Verdict.rejected("the certificate is for another block");
        }
        return verify(certificate, validators);
    }

    /** Checks a certificate alone. */
    public Verdict verify(final CommitCertificate certificate, final ValidatorSet validators) {
        if (certificate.getBlockId().size() != BlockId.LENGTH_BYTES) {
            return Verdict.rejected("a certificate names a " + BlockId.LENGTH_BYTES + "-byte block id, got "
                    + certificate.getBlockId().size() + " bytes");
        }
        if (certificate.getPrecommitsCount() > validators.size()) {
            return Verdict.rejected("the certificate has " + certificate.getPrecommitsCount()
                    + " precommits for a set of " + validators.size());
        }
        final Set<String> signers = new HashSet<>();
        long power = 0;
        for (final Vote precommit : certificate.getPrecommitsList()) {
            final Optional<String> problem = problemWith(precommit, certificate, validators);
            if (problem.isPresent()) {
                return Verdict.rejected(problem.get());
            }
            if (!signers.add(precommit.getValidator())) {
                return Verdict.rejected(precommit.getValidator() + " signed the certificate twice");
            }
            power += validators.powerOf(precommit.getValidator());
        }
        if (!validators.isQuorum(power)) {
            return Verdict.rejected("the precommits carry " + power + " of " + validators.totalPower()
                    + " voting power; more than two thirds is needed");
        }
        return Verdict.accepted();
    }

    private Optional<String> problemWith(final Vote precommit, final CommitCertificate certificate,
                                         final ValidatorSet validators) {
        if (precommit.getType() != VoteType.PRECOMMIT || precommit.getHeight() != certificate.getHeight()
                || precommit.getRound() != certificate.getRound()
                || !precommit.getBlockId().equals(certificate.getBlockId())) {
            return Optional.of("a vote by " + precommit.getValidator() + " is not a precommit for the certified block,"
                    + " height and round");
        }
        final Optional<Validator> validator = validators.validator(precommit.getValidator());
        if (validator.isEmpty()) {
            return Optional.of(precommit.getValidator() + " is not a validator at height " + certificate.getHeight());
        }
        if (!signatures.verify(validator.get().publicKey(), SignBytes.of(chainId, precommit),
                precommit.getSignature().toByteArray())) {
            return Optional.of("the precommit by " + precommit.getValidator() + " has an invalid signature");
        }
        return Optional.empty();
    }
}
