package org.banyan.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.banyan.crypto.PublicKey;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Quorum arithmetic, weighted proposer rotation, the set's hash, and the set's caps. */
class ValidatorSetTest {

    private static final List<PublicKey> KEYS = IntStream.range(0, Limits.MAX_VALIDATORS + 1)
            .mapToObj(index -> Fixture.key(index).publicKey()).toList();

    @Test
    void aQuorumIsMoreThanTwoThirdsAndCatchUpNeedsMoreThanAThird() {
        final ValidatorSet set = equalSet(4, 10);

        assertThat(set.totalPower()).isEqualTo(40);
        assertThat(set.isQuorum(26)).isFalse();
        assertThat(set.isQuorum(27)).isTrue();
        assertThat(set.exceedsOneThird(13)).isFalse();
        assertThat(set.exceedsOneThird(14)).isTrue();
        assertThat(equalSet(3, 1).isQuorum(2)).as("2 of 3 is exactly two thirds").isFalse();
        assertThat(equalSet(3, 1).exceedsOneThird(1)).as("1 of 3 is exactly one third").isFalse();
    }

    @Test
    void equalPowersRotateRoundRobinOverHeightAndRound() {
        final ValidatorSet set = equalSet(4, 7);

        for (long height = 1; height < 10; height++) {
            for (int round = 0; round < 6; round++) {
                assertThat(set.proposer(height, round))
                        .isEqualTo(set.validators().get((int) ((height + round) % 4)));
            }
        }
    }

    @Test
    void weightedRotationFollowsThePriorityAlgorithmAndIgnoresACommonFactor() {
        final ValidatorSet small = weighted(1, 2, 3);
        final ValidatorSet scaled = weighted(10, 20, 30);

        assertThat(small.proposerCycleLength()).isEqualTo(6);
        assertThat(scaled.proposerCycleLength()).isEqualTo(6);
        final List<Integer> expected = List.of(2, 1, 0, 2, 1, 2);
        for (int slot = 0; slot < 6; slot++) {
            assertThat(small.proposer(0, slot)).isEqualTo(small.validators().get(expected.get(slot)));
            assertThat(scaled.proposer(0, slot).publicKey()).isEqualTo(small.proposer(0, slot).publicKey());
        }
    }

    @Test
    void everyValidatorProposesInProportionToItsPowerAndEveryNodeAgrees() {
        qt().withExamples(100).forAll(SourceDSL.lists().of(SourceDSL.integers().between(1, 50)).ofSizeBetween(1, 12))
                .checkAssert(powers -> {
                    final ValidatorSet set = weighted(powers.stream().mapToLong(Integer::longValue).toArray());
                    final ValidatorSet again = weighted(powers.stream().mapToLong(Integer::longValue).toArray());
                    final long divisor = powers.stream().mapToLong(Integer::longValue).reduce(0, ValidatorSetTest::gcd);
                    final int[] proposals = new int[powers.size()];
                    for (int slot = 0; slot < set.proposerCycleLength(); slot++) {
                        final Validator proposer = set.proposer(5, slot);
                        assertThat(again.proposer(5, slot)).isEqualTo(proposer);
                        proposals[set.validators().indexOf(proposer)]++;
                    }
                    for (int index = 0; index < powers.size(); index++) {
                        assertThat((long) proposals[index]).isEqualTo(powers.get(index) / divisor);
                    }
                });
    }

    @Test
    void theHashCoversKeysPowersAndOrder() {
        final ValidatorSet set = weighted(1, 2, 3);

        assertThat(weighted(1, 2, 3).hash()).isEqualTo(set.hash());
        assertThat(weighted(1, 2, 4).hash()).isNotEqualTo(set.hash());
        final List<Validator> reversed = new ArrayList<>(set.validators());
        Collections.reverse(reversed);
        assertThat(ValidatorSet.of(reversed).hash()).isNotEqualTo(set.hash());
        assertThat(set.hash().size()).isEqualTo(32);
    }

    @Test
    void aSetHoldsAtMostTheMaximumNumberOfValidators() {
        assertThat(equalSet(Limits.MAX_VALIDATORS, 1).size()).isEqualTo(Limits.MAX_VALIDATORS);
        assertThatThrownBy(() -> equalSet(Limits.MAX_VALIDATORS + 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + Limits.MAX_VALIDATORS);
    }

    @Test
    void theProposerCycleMayReachItsCapAndNoMore() {
        assertThat(weighted(1, Limits.MAX_PROPOSER_CYCLE_LENGTH - 1).proposerCycleLength())
                .isEqualTo(Limits.MAX_PROPOSER_CYCLE_LENGTH);
        assertThatThrownBy(() -> weighted(1, Limits.MAX_PROPOSER_CYCLE_LENGTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proposer cycle");
    }

    @Test
    void theTotalPowerMayReachItsCapAndNoMore() {
        final long half = Limits.MAX_TOTAL_VOTING_POWER / 2;
        assertThat(weighted(half, half).totalPower()).isLessThanOrEqualTo(Limits.MAX_TOTAL_VOTING_POWER);
        assertThat(weighted(Limits.MAX_TOTAL_VOTING_POWER).isQuorum(Limits.MAX_TOTAL_VOTING_POWER)).isTrue();
        assertThatThrownBy(() -> weighted(Limits.MAX_TOTAL_VOTING_POWER, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total voting power");
    }

    @Test
    void rejectsEmptySetsDuplicatesAndPowerlessValidators() {
        assertThatThrownBy(() -> ValidatorSet.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValidatorSet.of(List.of(new Validator(KEYS.get(0), 1), new Validator(KEYS.get(0), 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Validator(KEYS.get(0), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ValidatorSet equalSet(final int size, final long power) {
        return ValidatorSet.of(KEYS.subList(0, size).stream().map(key -> new Validator(key, power)).toList());
    }

    private static ValidatorSet weighted(final long... powers) {
        final List<Validator> validators = new ArrayList<>();
        for (int index = 0; index < powers.length; index++) {
            validators.add(new Validator(KEYS.get(index), powers[index]));
        }
        return ValidatorSet.of(validators);
    }

    private static long gcd(final long first, final long second) {
        return second == 0 ? first : gcd(second, first % second);
    }
}
