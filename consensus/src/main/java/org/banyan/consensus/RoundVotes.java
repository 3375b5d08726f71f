package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Vote;

/**
 * The prevotes or the precommits of one round. A repeat of a vote is ignored. A validator's vote for a different
 * value than its first is turned into {@link Evidence}, and, for up to {@link Limits#MAX_VALUES_PER_VALIDATOR_AND_ROUND}
 * values, also counted for its value: like CometBFT's tracking of conflicting votes for blocks that peers claim a
 * majority for, this lets every node see a quorum that the equivocator's signatures really make up. Power is summed
 * per value over distinct validators, and for "any value" (R3, R6) each validator counts once.
 */
final class RoundVotes {

    /** What adding a vote did. */
    sealed interface Addition permits Counted, Repeat, Conflict {
    }

    /** The vote is the validator's first and counts. */
    record Counted() implements Addition {
    }

    /** The validator already cast this very vote. */
    record Repeat() implements Addition {
    }

    /** The validator already voted for another value in this round: the pair is evidence of equivocation. */
    record Conflict(Evidence evidence) implements Addition {
        Conflict {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    private final ValidatorSet validators;
    private final Map<String, List<Vote>> byValidator = new LinkedHashMap<>();
    private final Map<ByteString, Long> powerByValue = new LinkedHashMap<>();
    private long votedPower;

    RoundVotes(final ValidatorSet validators) {
        this.validators = validators;
    }

    /** Adds a vote from a member of the set; the caller has checked membership, height, round and type. */
    Addition add(final Vote vote) {
        final long power = validators.powerOf(vote.getValidator());
        Verify.that(power > 0, "only members' votes reach the vote log");
        final List<Vote> cast = byValidator.get(vote.getValidator());
        if (cast == null) {
            final List<Vote> first = new ArrayList<>(1);
            first.add(vote);
            byValidator.put(vote.getValidator(), first);
            count(vote, power);
            votedPower += power;
            Verify.that(votedPower <= validators.totalPower(), "distinct members cannot exceed the total power");
            return new Counted();
        }
        for (final Vote earlier : cast) {
            if (earlier.getBlockId().equals(vote.getBlockId())) {
                return new Repeat();
            }
        }
        if (cast.size() < Limits.MAX_VALUES_PER_VALIDATOR_AND_ROUND) {
            cast.add(vote);
            count(vote, power);
        }
        return new Conflict(Evidence.newBuilder().setFirst(cast.get(0)).setSecond(vote).build());
    }

    /** Whether votes of any values add up to a quorum (R3, R6), each validator counted once. */
    boolean hasQuorumOfAny() {
        return validators.isQuorum(votedPower);
    }

    /** Whether one value, a block id or nil, has a quorum. */
    boolean hasQuorumFor(final Optional<BlockId> value) {
        return validators.isQuorum(powerByValue.getOrDefault(BlockId.toVoteField(value), 0L));
    }

    /**
     * The block with a quorum, if one has. While less than a third of the power equivocates, at most one can: two
     * quorums share more than a third of the power, so a correct validator would have voted for both.
     */
    Optional<BlockId> quorumBlock() {
        for (final Map.Entry<ByteString, Long> entry : powerByValue.entrySet()) {
            if (!entry.getKey().isEmpty() && validators.isQuorum(entry.getValue())) {
                return Optional.of(new BlockId(entry.getKey()));
            }
        }
        return Optional.empty();
    }

    /** The counted votes for one block, one per validator, in arrival order of the validators. */
    List<Vote> votesFor(final BlockId blockId) {
        final List<Vote> matching = new ArrayList<>();
        for (final List<Vote> cast : byValidator.values()) {
            for (final Vote vote : cast) {
                if (vote.getBlockId().equals(blockId.bytes())) {
                    matching.add(vote);
                }
            }
        }
        return matching;
    }

    /** Every counted vote, each validator's in the order received. */
    List<Vote> votes() {
        final List<Vote> all = new ArrayList<>();
        byValidator.values().forEach(all::addAll);
        return all;
    }

    /** Number of counted votes. */
    int size() {
        int size = 0;
        for (final List<Vote> cast : byValidator.values()) {
            size += cast.size();
        }
        return size;
    }

    private void count(final Vote vote, final long power) {
        final long total = powerByValue.merge(vote.getBlockId(), power, Long::sum);
        Verify.that(total <= validators.totalPower(), "each validator counts once per value");
    }
}
