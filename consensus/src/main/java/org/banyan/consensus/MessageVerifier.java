package org.banyan.consensus;

import java.util.Objects;
import java.util.Optional;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Vote;

/**
 * The shell's check of a consensus message before it enters {@link Consensus#step}: the sender is a member of the
 * validator set of the message's height and the signature covers the message's {@link SignBytes}. Also checks
 * evidence found in blocks. Pure, but costs a signature verification, so the node runs it off the consensus thread.
 */
public final class MessageVerifier {

    private final long chainId;
    private final SignatureVerifier signatures;

    public MessageVerifier(final long chainId, final SignatureVerifier signatures) {
        this.chainId = chainId;
        this.signatures = Objects.requireNonNull(signatures, "signatures");
    }

    /** Checks a message against the validator set of its height. */
    public Verdict verify(final ConsensusMessage message, final ValidatorSet validators) {
        final Optional<Validator> sender = validators.validator(message.sender());
        if (sender.isEmpty()) {
            return Verdict.rejected(message.sender() + " is not a validator at height " + message.height());
        }
        final byte[] signBytes;
        try {
            signBytes = message.signBytes(chainId);
        } catch (final IllegalArgumentException e) {
            return Verdict.rejected("the message is malformed: " + e.getMessage());
        }
        if (!signatures.verify(sender.get().publicKey(), signBytes, message.signature())) {
            return Verdict.rejected("the signature by " + message.sender() + " does not verify");
        }
        return Verdict.accepted();
    }

    /**
     * Checks evidence against the validator set of its height: two validly signed votes by one member for the same
     * height, round and type but different values.
     */
    public Verdict verify(final Evidence evidence, final ValidatorSet validators) {
        final Vote first = evidence.getFirst();
        final Vote second = evidence.getSecond();
        if (!first.getValidator().equals(second.getValidator()) || first.getHeight() != second.getHeight()
                || first.getRound() != second.getRound() || first.getType() != second.getType()) {
            return Verdict.rejected("evidence votes are not by one validator for one height, round and type");
        }
        if (first.getBlockId().equals(second.getBlockId())) {
            return Verdict.rejected("evidence votes agree, so they are no evidence");
        }
        final Verdict firstVerdict = verify(new ConsensusMessage.VoteMessage(first), validators);
        return firstVerdict.isAccepted() ? verify(new ConsensusMessage.VoteMessage(second), validators) : firstVerdict;
    }
}
