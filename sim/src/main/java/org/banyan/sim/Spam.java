package org.banyan.sim;

import java.util.ArrayList;
import java.util.List;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.Limits;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * The votes a Byzantine validator floods in the {@link FaultProfile#SPAM} profile, on top of its role, at every gossip
 * tick. All are signed with its own key, so peers verify and admit them; each kind aims at one bounded buffer:
 * <ul>
 *   <li>two conflicting prevotes in each of the next rounds: vote logs, and evidence pools through the conflicts;</li>
 *   <li>a prevote for a round beyond the kept window: the rounds remembered for round catch-up;</li>
 *   <li>prevotes and precommits for new rounds of the next height: next-height buffers.</li>
 * </ul>
 * Every message goes to every peer, so the spammer's link queues take the flood too.
 */
final class Spam {

    /** Rounds ahead of the current one in which a spammer casts two conflicting prevotes, each tick. */
    static final int CONFLICTING_ROUNDS_PER_TICK = 2;

    /** Rounds of the next height a spammer prevotes and precommits in, each tick; a new batch of rounds every tick. */
    static final int NEXT_HEIGHT_ROUNDS_PER_TICK = 4;

    private Spam() {
    }

    /** What a spammer at {@code height} and {@code round} sends at its {@code tick}-th gossip tick. */
    static List<ConsensusMessage> votes(final SimNode spammer, final long height, final int round, final long tick) {
        final List<ConsensusMessage> votes = new ArrayList<>();
        for (int ahead = 1; ahead <= CONFLICTING_ROUNDS_PER_TICK; ahead++) {
            for (int value = 0; value < 2; value++) {
                votes.add(vote(spammer, VoteType.PREVOTE, height, round + ahead, tick, value));
            }
        }
        votes.add(vote(spammer, VoteType.PREVOTE, height, round + Limits.MAX_FUTURE_ROUNDS + 1 + (int) tick, tick, 0));
        for (int index = 0; index < NEXT_HEIGHT_ROUNDS_PER_TICK; index++) {
            final int nextHeightRound = (int) (tick * NEXT_HEIGHT_ROUNDS_PER_TICK + index);
            votes.add(vote(spammer, VoteType.PREVOTE, height + 1, nextHeightRound, tick, 0));
            votes.add(vote(spammer, VoteType.PRECOMMIT, height + 1, nextHeightRound, tick, 0));
        }
        return votes;
    }

    private static ConsensusMessage vote(final SimNode spammer, final VoteType type, final long height,
                                         final int round, final long tick, final int value) {
        return Misbehavior.signed(spammer, Vote.newBuilder()
                .setHeight(height)
                .setRound(round)
                .setType(type)
                .setBlockId(Misbehavior.inventedBlockId(height, round, tick, value, spammer.id))
                .setValidator(spammer.address)
                .build());
    }
}
