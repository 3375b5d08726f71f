package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.banyan.consensus.TimeoutKind;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Validator;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.SignedTransaction;
import org.banyan.store.MemoryStore;
import org.junit.jupiter.api.Test;

/** The simulated application's {@code valid(v)}: close time, transaction count and repeats, at their bounds. */
class BlockValidityTest {

    private final Workload workload = new Workload(World.CHAIN_ID, 4, new SplittableRandom(4));
    private final Genesis genesis = new Genesis(World.CHAIN_ID, false, World.GENESIS_MICROS,
            workload.governanceAddress(), workload.accounts().stream()
                    .map(account -> new GenesisAccount(Workload.address(account), Workload.CLIENT_BALANCE)).toList(),
            List.of(new Validator(workload.accounts().get(0).publicKey().encoded(), 1)),
            new FeeSchedule(Workload.MIN_GAS_PRICE, 0));
    private final Ledger ledger = Ledger.open(new MemoryStore(), genesis);
    private final World world = new World(SimulationOptions.of(4, 0, FaultProfile.NONE), genesis,
            ledger.lastHeader().getHash(), workload);
    private final long now = World.GENESIS_MICROS + 10_000_000;

    @Test
    void theCloseTimeFollowsTheParentAndRunsAheadOfTheClockByAtMostTheBound() {
        assertThat(problem(block(now + BlockValidity.MAX_CLOSE_TIME_AHEAD_MICROS, List.of()))).isEmpty();
        assertThat(problem(block(now + BlockValidity.MAX_CLOSE_TIME_AHEAD_MICROS + 1, List.of())))
                .contains("too far ahead");
        assertThat(problem(block(World.GENESIS_MICROS, List.of()))).contains("does not follow the parent");
    }

    @Test
    void aBlockCarriesAtMostTheCapOfTransactionsAndNoneTwice() {
        final List<SignedTransaction> full = IntStream.range(0, Mempool.MAX_TRANSACTIONS_PER_BLOCK)
                .mapToObj(workload::nextPayment).toList();
        assertThat(problem(block(now, full))).isEmpty();

        final List<SignedTransaction> tooMany = new ArrayList<>(full);
        tooMany.add(workload.nextPayment(0));
        assertThat(problem(block(now, tooMany))).contains("too many transactions");

        assertThat(problem(block(now, List.of(full.get(0), full.get(0))))).contains("repeats a transaction");
    }

    @Test
    void aBlockNamesThisNodesPreviousLedgerAndNextValidatorSet() {
        final Block valid = block(now, List.of());
        assertThat(problem(valid)).isEmpty();

        final ByteString otherHash = ByteString.copyFrom(new byte[32]);
        assertThat(problem(valid.toBuilder().setPreviousLedgerHash(otherHash).build()))
                .isEqualTo("it names another previous ledger than this node's");
        assertThat(problem(valid.toBuilder().clearPreviousLedgerHash().build()))
                .isEqualTo("it names another previous ledger than this node's");
        assertThat(problem(valid.toBuilder().setNextValidatorsHash(otherHash).build()))
                .isEqualTo("it names another validator set for the next height than this node's");
    }

    @Test
    void afterGstARoundOutlastsTheMessageDelaysOfAProposalAndTwoVotes() {
        assertThat(World.TIMEOUTS.durationMillis(TimeoutKind.PROPOSE, 0) * 1000).isGreaterThan(3 * Network.DELTA_MICROS);
        assertThat(World.TIMEOUTS.durationMillis(TimeoutKind.PREVOTE, 0) * 1000).isGreaterThan(Network.DELTA_MICROS);
    }

    private String problem(final Block block) {
        return BlockValidity.problem(world, ledger, now, block);
    }

    /** A block for height 1 that names this node's genesis ledger and the set of height 2, as a proposer does. */
    private Block block(final long closeTimeMicros, final List<SignedTransaction> transactions) {
        return Block.newBuilder().setHeight(1).setCloseTime(closeTimeMicros).addAllTransactions(transactions)
                .setPreviousLedgerHash(ledger.lastHeader().getHash())
                .setNextValidatorsHash(world.validatorSets.at(ledger, 2).hash()).build();
    }
}
