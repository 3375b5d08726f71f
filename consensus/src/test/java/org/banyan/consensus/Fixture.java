package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.Proposal;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/** Deterministic validators, blocks and signed messages for one chain. */
final class Fixture {

    static final long CHAIN_ID = 42;
    static final ByteString GENESIS_ID = ByteString.copyFrom(Hashes.sha256("genesis".getBytes(StandardCharsets.UTF_8)));
    /** The genesis ledger's header hash, which proposals at height 1 name as their previous ledger. */
    static final ByteString PREVIOUS_LEDGER_HASH =
            ByteString.copyFrom(Hashes.sha256("genesis ledger".getBytes(StandardCharsets.UTF_8)));
    static final long POWER = 10;
    /** Short, distinct timeouts so that tests can tell the timers apart. */
    static final Timeouts TIMEOUTS = new Timeouts(new RoundTimeout(300, 100), new RoundTimeout(200, 50),
            new RoundTimeout(250, 60), 0, 5_000);

    final List<PrivateKey> keys;
    final ValidatorSet validators;

    Fixture(final int size) {
        keys = IntStream.range(0, size).mapToObj(Fixture::key).toList();
        validators = ValidatorSet.of(keys.stream().map(key -> new Validator(key.publicKey(), POWER)).toList());
    }

    static PrivateKey key(final int index) {
        return PrivateKey.fromRaw(KeyType.ED25519,
                Hashes.sha256(("consensus-test-key-" + index).getBytes(StandardCharsets.UTF_8)));
    }

    String address(final int index) {
        return keys.get(index).publicKey().address().toString();
    }

    /** Index of the validator that proposes in (height, round). */
    int proposer(final long height, final int round) {
        final String address = validators.proposer(height, round).address();
        return IntStream.range(0, keys.size()).filter(index -> address(index).equals(address)).findFirst().orElseThrow();
    }

    /** The first round from {@code from} on in which {@code validator} proposes at {@code height}. */
    int roundProposedBy(final int validator, final long height, final int from) {
        int round = from;
        while (proposer(height, round) != validator) {
            round++;
        }
        return round;
    }

    ConsensusConfig config(final int index) {
        return new ConsensusConfig(CHAIN_ID, Optional.of(keys.get(index)), TIMEOUTS);
    }

    StartPoint genesis(final SignState signState) {
        return new StartPoint(1, GENESIS_ID, Optional.empty(), validators, validators, signState);
    }

    /** A block for height 1 built by {@code proposer}; {@code salt} makes distinct blocks. */
    Block block(final int proposer, final long salt) {
        return Block.newBuilder()
                .setHeight(1)
                .setCloseTime(1_000_000 + salt)
                .setPreviousHash(GENESIS_ID)
                .setValidatorsHash(validators.hash())
                .setNextValidatorsHash(validators.hash())
                .setPreviousLedgerHash(PREVIOUS_LEDGER_HASH)
                .setProposer(address(proposer))
                .build();
    }

    /** What a shell supplies for a proposal: these transactions and close time, on the genesis ledger. */
    static ProposalContent content(final List<SignedTransaction> transactions, final long closeTimeMicros) {
        return new ProposalContent(transactions, closeTimeMicros, PREVIOUS_LEDGER_HASH);
    }

    ConsensusMessage.ProposalMessage proposal(final long height, final int round, final int polRound,
                                              final Block block) {
        final int proposer = proposer(height, round);
        final Proposal unsigned = Proposal.newBuilder().setHeight(height).setRound(round).setPolRound(polRound)
                .setBlock(block).setProposer(address(proposer)).build();
        return new ConsensusMessage.ProposalMessage(unsigned.toBuilder()
                .setSignature(ByteString.copyFrom(keys.get(proposer).sign(SignBytes.of(CHAIN_ID, unsigned)))).build());
    }

    Vote vote(final int validator, final VoteType type, final long height, final int round,
              final Optional<BlockId> value) {
        final Vote unsigned = Vote.newBuilder().setHeight(height).setRound(round).setType(type)
                .setBlockId(BlockId.toVoteField(value)).setValidator(address(validator)).build();
        return unsigned.toBuilder()
                .setSignature(ByteString.copyFrom(keys.get(validator).sign(SignBytes.of(CHAIN_ID, unsigned)))).build();
    }

    ConsensusMessage.VoteMessage prevote(final int validator, final long height, final int round,
                                         final Optional<BlockId> value) {
        return new ConsensusMessage.VoteMessage(vote(validator, VoteType.PREVOTE, height, round, value));
    }

    ConsensusMessage.VoteMessage precommit(final int validator, final long height, final int round,
                                           final Optional<BlockId> value) {
        return new ConsensusMessage.VoteMessage(vote(validator, VoteType.PRECOMMIT, height, round, value));
    }

    /** A certificate signed by the given validators. */
    CommitCertificate certificate(final long height, final int round, final BlockId blockId, final int... signers) {
        final List<Vote> precommits = new ArrayList<>();
        for (final int signer : signers) {
            precommits.add(vote(signer, VoteType.PRECOMMIT, height, round, Optional.of(blockId)));
        }
        return CommitCertificate.newBuilder().setHeight(height).setRound(round).setBlockId(blockId.bytes())
                .addAllPrecommits(precommits).build();
    }
}
