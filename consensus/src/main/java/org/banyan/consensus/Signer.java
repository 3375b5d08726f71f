package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.Vote;

/**
 * The spec's {@code signAndBroadcast}, the only path that produces a signature: (a) and (b) ask the
 * {@link DoubleSignGuard} before anything is signed, (c) emits {@link Action.PersistSignState} with the new
 * last-signed message and the current lock and valid values, and only then (d) emits the {@link Action.Broadcast}. A
 * node without a key, or whose key is not in the height's validator set, signs nothing and follows the protocol
 * silently.
 */
final class Signer {

    private final ConsensusConfig config;

    Signer(final ConsensusConfig config) {
        this.config = config;
    }

    /** Whether this node votes at the state's height. */
    boolean isValidator(final State state) {
        return config.address().filter(state.validators::contains).isPresent();
    }

    /** Whether this node proposes in the state's height and round. */
    boolean isProposer(final State state) {
        return config.address()
                .filter(address -> address.equals(state.validators.proposer(state.height, state.round).address()))
                .isPresent();
    }

    /** Signs and sends a vote; empty when this node does not vote or the guard refuses. */
    Optional<ConsensusMessage> sign(final State state, final Vote unsigned, final Outbox out) {
        if (!isValidator(state)) {
            return Optional.empty();
        }
        final Vote vote = unsigned.toBuilder().setValidator(config.address().orElseThrow()).build();
        if (!guardAllows(state, new ConsensusMessage.VoteMessage(vote).signedStep(), out)) {
            return Optional.empty();
        }
        final byte[] signature = key().sign(SignBytes.of(config.chainId(), vote));
        return Optional.of(release(state, new ConsensusMessage.VoteMessage(
                vote.toBuilder().setSignature(ByteString.copyFrom(signature)).build()), out));
    }

    /** Signs and sends a proposal; empty when this node does not vote or the guard refuses. */
    Optional<ConsensusMessage> sign(final State state, final Proposal unsigned, final Outbox out) {
        if (!isValidator(state)) {
            return Optional.empty();
        }
        final Proposal proposal = unsigned.toBuilder().setProposer(config.address().orElseThrow()).build();
        if (!guardAllows(state, new ConsensusMessage.ProposalMessage(proposal).signedStep(), out)) {
            return Optional.empty();
        }
        final byte[] signature = key().sign(SignBytes.of(config.chainId(), proposal));
        return Optional.of(release(state, new ConsensusMessage.ProposalMessage(
                proposal.toBuilder().setSignature(ByteString.copyFrom(signature)).build()), out));
    }

    private PrivateKey key() {
        return config.signingKey().orElseThrow();
    }

    private static boolean guardAllows(final State state, final SignedStep step, final Outbox out) {
        final Optional<String> refusal = DoubleSignGuard.refusal(state.lastSignedStep, step);
        refusal.ifPresent(reason -> out.add(new Action.SigningRefused(reason)));
        return refusal.isEmpty();
    }

    private static ConsensusMessage release(final State state, final ConsensusMessage message, final Outbox out) {
        state.lastSigned = Optional.of(message);
        state.lastSignedStep = Optional.of(message.signedStep());
        out.add(new Action.PersistSignState(state.signState()));
        out.add(new Action.Broadcast(message));
        return message;
    }
}
