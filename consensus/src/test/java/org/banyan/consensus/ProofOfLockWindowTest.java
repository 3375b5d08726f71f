package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/**
 * Proofs of lock outlive the round window: a validator locked long ago re-proposes its value naming an old round
 * (R2), and the height would stall if the prevotes of that round were gone.
 */
class ProofOfLockWindowTest {

    private final Fixture fixture = new Fixture(4);
    private final Node node = new Node(fixture.config(0)).start(fixture.genesis(SignState.EMPTY));
    private final Block blockB = fixture.block(fixture.proposer(1, 1), 2);
    private final BlockId idB = BlockId.of(blockB);
    private final int lateRound = 1 + Limits.MAX_PAST_ROUNDS + 4;

    @Test
    void aProofOfLockOlderThanTheWindowIsKeptAndUsable() {
        proofOfLockAt(1);
        moveTo(lateRound);
        assertThat(node.state.votes.keepsPrevotesOf(0)).as("round 0 proves nothing and left the window").isFalse();
        assertThat(node.state.votes.keepsPrevotesOf(1)).isTrue();

        node.receive(fixture.proposal(1, lateRound, 1, blockB)).validateAll(true);

        assertThat(node.votedValue(VoteType.PREVOTE)).contains(idB);
    }

    @Test
    void prevotesOfAnOldRoundThatAKeptProposalNamesAreAdmitted() {
        moveTo(lateRound);
        node.receive(fixture.proposal(1, lateRound, 1, blockB)).validateAll(true);
        assertThat(node.broadcastVotes(VoteType.PREVOTE)).isEmpty();

        proofOfLockAt(1);

        assertThat(node.everOf(Action.InputIgnored.class)).isEmpty();
        assertThat(node.votedValue(VoteType.PREVOTE)).contains(idB);
    }

    @Test
    void onlyTheNewestProofsOfLockAreKeptUpToTheCap() {
        for (int round = 0; round <= Limits.MAX_PROOF_OF_LOCK_ROUNDS; round++) {
            proofOfLockAt(round);
        }
        moveTo(Limits.MAX_PROOF_OF_LOCK_ROUNDS + 1 + Limits.MAX_PAST_ROUNDS);

        assertThat(node.state.votes.keepsPrevotesOf(0)).isFalse();
        for (int round = 1; round <= Limits.MAX_PROOF_OF_LOCK_ROUNDS; round++) {
            assertThat(node.state.votes.keepsPrevotesOf(round)).as("round " + round).isTrue();
        }
    }

    private void proofOfLockAt(final int round) {
        node.receive(fixture.prevote(1, 1, round, Optional.of(idB)), fixture.prevote(2, 1, round, Optional.of(idB)),
                fixture.prevote(3, 1, round, Optional.of(idB)));
    }

    private void moveTo(final int round) {
        while (node.state.round() < round) {
            node.timeout(TimeoutKind.PRECOMMIT, 1, node.state.round());
        }
        assertThat(node.state.round()).isEqualTo(round);
    }
}
