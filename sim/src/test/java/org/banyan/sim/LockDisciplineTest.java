package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.banyan.consensus.Validator;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.junit.jupiter.api.Test;

/** S6 on its own: which prevotes after a precommit a proof of lock justifies, as TendermintAcc_004 words it. */
class LockDisciplineTest {

    private static final ByteString BLOCK_A = ByteString.copyFrom(Hashes.sha256(new byte[] {'a'}));
    private static final ByteString BLOCK_B = ByteString.copyFrom(Hashes.sha256(new byte[] {'b'}));

    private final List<String> addresses = IntStream.range(0, 4).mapToObj(index -> PrivateKey.fromRaw(KeyType.ED25519,
            Hashes.sha256(new byte[] {(byte) index})).publicKey().address().toString()).toList();
    private final ValidatorSet validators = ValidatorSet.of(IntStream.range(0, 4).mapToObj(index -> new Validator(
            PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(new byte[] {(byte) index})).publicKey(), 1)).toList());
    private final List<String> reported = new ArrayList<>();
    private final FaultCounts counts = new FaultCounts();
    private final LockDiscipline discipline = new LockDiscipline((invariant, detail) -> reported.add(invariant + ": "
            + detail), counts);

    @Test
    void prevotingAnotherBlockAfterAPrecommitWithoutAProofOfLockIsAViolation() {
        discipline.onSigned(0, vote(VoteType.PRECOMMIT, 0, BLOCK_A, 0), validators);

        discipline.onSigned(0, vote(VoteType.PREVOTE, 2, BLOCK_B, 0), validators);

        assertThat(reported).singleElement().asString().startsWith("S6 lock discipline: correct node 0 precommitted")
                .contains("in round 0 of height 5").contains("in round 2").contains("rounds 0 to 1");
    }

    @Test
    void aQuorumOfPrevotesReceivedInALaterRoundReleasesTheLock() {
        discipline.onSigned(0, vote(VoteType.PRECOMMIT, 0, BLOCK_A, 0), validators);
        for (int signer = 1; signer <= 3; signer++) {
            discipline.onDelivered(0, vote(VoteType.PREVOTE, 1, BLOCK_B, signer));
        }

        discipline.onSigned(0, vote(VoteType.PREVOTE, 2, BLOCK_B, 0), validators);

        assertThat(reported).isEmpty();
        assertThat(counts.get("locks released by a proof of lock")).isEqualTo(1);
    }

    @Test
    void aProofOfLockFromBeforeThePrecommitOrShortOfAQuorumJustifiesNothing() {
        for (int signer = 1; signer <= 3; signer++) {
            discipline.onDelivered(0, vote(VoteType.PREVOTE, 0, BLOCK_B, signer));
        }
        discipline.onDelivered(0, vote(VoteType.PREVOTE, 2, BLOCK_B, 1));
        discipline.onDelivered(0, vote(VoteType.PREVOTE, 2, BLOCK_B, 2));
        discipline.onSigned(0, vote(VoteType.PRECOMMIT, 1, BLOCK_A, 0), validators);

        discipline.onSigned(0, vote(VoteType.PREVOTE, 3, BLOCK_B, 0), validators);

        assertThat(reported).singleElement().asString().contains("rounds 1 to 2");
    }

    @Test
    void nilPrevotesTheLockedBlockAndOtherNodesOrHeightsAreFree() {
        discipline.onSigned(0, vote(VoteType.PRECOMMIT, 0, BLOCK_A, 0), validators);

        discipline.onSigned(0, vote(VoteType.PREVOTE, 1, ByteString.EMPTY, 0), validators);
        discipline.onSigned(0, vote(VoteType.PREVOTE, 2, BLOCK_A, 0), validators);
        discipline.onSigned(1, vote(VoteType.PREVOTE, 3, BLOCK_B, 1), validators);
        discipline.onCommitted(0, 5);
        discipline.onSigned(0, vote(VoteType.PREVOTE, 3, BLOCK_B, 0), validators);

        assertThat(reported).isEmpty();
    }

    private Vote vote(final VoteType type, final int round, final ByteString block, final int signer) {
        return Vote.newBuilder().setHeight(5).setRound(round).setType(type).setBlockId(block)
                .setValidator(addresses.get(signer)).build();
    }
}
