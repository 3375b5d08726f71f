package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/** One round's votes: repeats ignored, conflicts turned into evidence, power summed over distinct validators. */
class RoundVotesTest {

    private final Fixture fixture = new Fixture(4);
    private final BlockId a = BlockId.of(fixture.block(1, 1));
    private final BlockId b = BlockId.of(fixture.block(1, 2));

    @Test
    void aRepeatIsIgnoredAndCannotMakeAQuorum() {
        final RoundVotes votes = new RoundVotes(fixture.validators);
        final Vote vote = vote(1, Optional.of(a));

        assertThat(votes.add(vote)).isInstanceOf(RoundVotes.Counted.class);
        assertThat(votes.add(vote)).isInstanceOf(RoundVotes.Repeat.class);
        assertThat(votes.add(vote(2, Optional.of(a)))).isInstanceOf(RoundVotes.Counted.class);
        assertThat(votes.add(vote(2, Optional.of(a)))).isInstanceOf(RoundVotes.Repeat.class);

        assertThat(votes.size()).isEqualTo(2);
        assertThat(votes.hasQuorumFor(Optional.of(a))).isFalse();
        assertThat(votes.hasQuorumOfAny()).isFalse();
    }

    @Test
    void aConflictingVoteBecomesEvidenceAndCountsForItsValueButNotTwiceOverall() {
        final RoundVotes votes = new RoundVotes(fixture.validators);
        final Vote first = vote(3, Optional.of(a));
        final Vote second = vote(3, Optional.of(b));
        votes.add(first);

        final RoundVotes.Addition addition = votes.add(second);

        assertThat(addition).isInstanceOf(RoundVotes.Conflict.class);
        final RoundVotes.Conflict conflict = (RoundVotes.Conflict) addition;
        assertThat(conflict.evidence().getFirst()).isEqualTo(first);
        assertThat(conflict.evidence().getSecond()).isEqualTo(second);
        assertThat(votes.votesFor(b)).containsExactly(second);
        votes.add(vote(0, Optional.of(a)));
        assertThat(votes.hasQuorumOfAny()).as("the equivocator counts once overall").isFalse();
        votes.add(vote(1, Optional.of(b)));
        votes.add(vote(2, Optional.of(b)));
        assertThat(votes.quorumBlock()).as("its vote for b completes b's quorum").contains(b);
    }

    @Test
    void anEquivocatorsValuesBeyondTheCapAreDroppedButStillEvidence() {
        final RoundVotes votes = new RoundVotes(fixture.validators);
        votes.add(vote(3, Optional.of(a)));
        votes.add(vote(3, Optional.of(b)));

        final RoundVotes.Addition third = votes.add(vote(3, Optional.empty()));

        assertThat(third).isInstanceOf(RoundVotes.Conflict.class);
        assertThat(votes.size()).isEqualTo(Limits.MAX_VALUES_PER_VALIDATOR_AND_ROUND);
        assertThat(votes.votes()).extracting(Vote::getBlockId).doesNotContain(ByteString.EMPTY);
    }

    @Test
    void quorumsAreCountedPerValueAndOverall() {
        final RoundVotes votes = new RoundVotes(fixture.validators);
        votes.add(vote(0, Optional.of(a)));
        votes.add(vote(1, Optional.empty()));
        votes.add(vote(2, Optional.of(a)));
        assertThat(votes.hasQuorumOfAny()).isTrue();
        assertThat(votes.quorumBlock()).isEmpty();

        votes.add(vote(3, Optional.of(a)));

        assertThat(votes.quorumBlock()).contains(a);
        assertThat(votes.hasQuorumFor(Optional.of(a))).isTrue();
        assertThat(votes.hasQuorumFor(Optional.empty())).isFalse();
        assertThat(votes.votesFor(a)).extracting(Vote::getValidator)
                .containsExactly(fixture.address(0), fixture.address(2), fixture.address(3));
    }

    @Test
    void aNilQuorumIsNoBlockQuorum() {
        final RoundVotes votes = new RoundVotes(fixture.validators);
        for (int validator = 0; validator < 3; validator++) {
            votes.add(vote(validator, Optional.empty()));
        }

        assertThat(votes.hasQuorumFor(Optional.empty())).isTrue();
        assertThat(votes.quorumBlock()).isEmpty();
    }

    @Test
    void powerCountsNotHeads() {
        final ValidatorSet weighted = ValidatorSet.of(List.of(new Validator(fixture.keys.get(0).publicKey(), 7),
                new Validator(fixture.keys.get(1).publicKey(), 1), new Validator(fixture.keys.get(2).publicKey(), 1),
                new Validator(fixture.keys.get(3).publicKey(), 1)));
        final RoundVotes votes = new RoundVotes(weighted);

        votes.add(vote(0, Optional.of(a)));

        assertThat(votes.quorumBlock()).contains(a);
    }

    private Vote vote(final int validator, final Optional<BlockId> value) {
        return fixture.vote(validator, VoteType.PRECOMMIT, 1, 0, value);
    }
}
