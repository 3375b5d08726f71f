package org.banyan.consensus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/** The vote log of one height (the spec's {@code msgLog[h]} for votes): prevotes and precommits by round. */
final class HeightVotes {

    private final ValidatorSet validators;
    private final NavigableMap<Integer, RoundVotes> prevotes = new TreeMap<>();
    private final NavigableMap<Integer, RoundVotes> precommits = new TreeMap<>();

    HeightVotes(final ValidatorSet validators) {
        this.validators = validators;
    }

    /** Adds a member's vote of this height; see {@link RoundVotes#add}. */
    RoundVotes.Addition add(final Vote vote) {
        final NavigableMap<Integer, RoundVotes> log = vote.getType() == VoteType.PREVOTE ? prevotes : precommits;
        return log.computeIfAbsent(vote.getRound(), round -> new RoundVotes(validators)).add(vote);
    }

    /** The prevotes of a round, if any arrived. */
    Optional<RoundVotes> prevotes(final int round) {
        return Optional.ofNullable(prevotes.get(round));
    }

    /** The precommits of a round, if any arrived. */
    Optional<RoundVotes> precommits(final int round) {
        return Optional.ofNullable(precommits.get(round));
    }

    /** Precommits of every round kept, by round. */
    NavigableMap<Integer, RoundVotes> precommitsByRound() {
        return Collections.unmodifiableNavigableMap(precommits);
    }

    /**
     * Forgets rounds before {@code round}, which fell out of the window of {@link Limits#MAX_PAST_ROUNDS}, except
     * prevotes that hold a proof of lock or that a kept proposal names as its proof of lock (R2 needs them): of those,
     * the newest {@link Limits#MAX_PROOF_OF_LOCK_ROUNDS} stay.
     */
    void dropRoundsBefore(final int round, final Set<Integer> namedProofOfLockRounds) {
        precommits.headMap(round, false).clear();
        final NavigableMap<Integer, RoundVotes> old = prevotes.headMap(round, false);
        old.entrySet().removeIf(entry -> !namedProofOfLockRounds.contains(entry.getKey())
                && entry.getValue().quorumBlock().isEmpty());
        while (old.size() > Limits.MAX_PROOF_OF_LOCK_ROUNDS) {
            old.pollFirstEntry();
        }
    }

    /** Whether prevotes of this round are kept although it is before the round window. */
    boolean keepsPrevotesOf(final int round) {
        return prevotes.containsKey(round);
    }

    /** Every vote kept, prevotes first, each by round. */
    List<Vote> all() {
        final List<Vote> all = new ArrayList<>();
        prevotes.values().forEach(votes -> all.addAll(votes.votes()));
        precommits.values().forEach(votes -> all.addAll(votes.votes()));
        return all;
    }

    /** Number of votes kept. */
    int size() {
        int size = 0;
        for (final RoundVotes votes : prevotes.values()) {
            size += votes.size();
        }
        for (final RoundVotes votes : precommits.values()) {
            size += votes.size();
        }
        return size;
    }
}
