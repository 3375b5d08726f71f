package org.banyan.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/** One consensus core under test: feeds it events and keeps the actions of the last step. */
final class Node {

    final Consensus consensus;
    State state;
    List<Action> actions = List.of();
    final List<Action> history = new ArrayList<>();

    Node(final ConsensusConfig config) {
        this.consensus = new Consensus(config);
    }

    Node start(final StartPoint start) {
        return apply(consensus.start(start));
    }

    Node receive(final ConsensusMessage... messages) {
        for (final ConsensusMessage message : messages) {
            apply(consensus.step(state, new Event.MessageReceived(message)));
        }
        return this;
    }

    Node timeout(final TimeoutKind kind, final long height, final int round) {
        return apply(consensus.step(state, new Event.TimeoutElapsed(kind, height, round)));
    }

    Node validated(final BlockId blockId, final boolean valid) {
        return apply(consensus.step(state, new Event.BlockValidated(state.height(), blockId, valid)));
    }

    /** Answers every validation the last step asked for with {@code valid}. */
    Node validateAll(final boolean valid) {
        for (final Action.ValidateBlock request : of(Action.ValidateBlock.class)) {
            validated(request.blockId(), valid);
        }
        return this;
    }

    Node step(final Event event) {
        return apply(consensus.step(state, event));
    }

    <T extends Action> List<T> of(final Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Action> List<T> everOf(final Class<T> type) {
        return history.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The votes of a type this node broadcast in the last step. */
    List<Vote> broadcastVotes(final VoteType type) {
        return of(Action.Broadcast.class).stream().map(Action.Broadcast::message)
                .filter(ConsensusMessage.VoteMessage.class::isInstance)
                .map(message -> ((ConsensusMessage.VoteMessage) message).vote())
                .filter(vote -> vote.getType() == type).toList();
    }

    /** The single vote of a type broadcast in the last step, and its value. */
    Optional<BlockId> votedValue(final VoteType type) {
        final List<Vote> votes = broadcastVotes(type);
        if (votes.size() != 1) {
            throw new AssertionError("expected one " + type + " in " + actions);
        }
        return BlockId.ofVoteField(votes.get(0).getBlockId());
    }

    private Node apply(final Transition transition) {
        state = transition.state();
        actions = transition.actions();
        history.addAll(actions);
        return this;
    }
}
