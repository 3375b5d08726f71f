package org.banyan.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.banyan.consensus.Validator;
import org.banyan.consensus.ValidatorSet;
import org.banyan.ledger.Ledger;
import org.junit.jupiter.api.Test;

class ValidatorSetsTest {

    @Test
    void theLedgerSetsConvertWithKeysPowersAndAddresses() {
        final Ledger ledger = TestChain.ledger(3);
        final ValidatorSets sets = new ValidatorSets(ledger);
        assertThat(sets.at(2).validators()).extracting(Validator::address).containsExactly(
            TestChain.validatorKey(0).publicKey().address().toString(),
            TestChain.validatorKey(1).publicKey().address().toString(),
            TestChain.validatorKey(2).publicKey().address().toString());
        assertThat(sets.at(2).totalPower()).isEqualTo(3);
        assertThat(sets.at(3)).isSameAs(sets.at(2));
        assertThat(sets.isKnown(3)).isTrue();
        assertThat(sets.isKnown(4)).isFalse();
        ledger.close(List.of(), TestChain.GENESIS_CLOSE_TIME_MICROS + 1, Optional.empty());
        assertThat(sets.isKnown(4)).isTrue();
    }

    @Test
    void theCacheHoldsAtMostItsCapOfSets() {
        final ValidatorSets sets = new ValidatorSets(TestChain.ledger(1));
        final List<org.banyan.ledger.Validator> first = List.of(
            new org.banyan.ledger.Validator(TestChain.validatorKey(0).publicKey().encoded(), 1));
        final ValidatorSet firstSet = sets.of(first);
        for (int power = 2; power <= ValidatorSets.CACHED_SETS; power++) {
            sets.of(List.of(new org.banyan.ledger.Validator(TestChain.validatorKey(0).publicKey().encoded(), power)));
        }
        assertThat(sets.cachedCount()).isEqualTo(ValidatorSets.CACHED_SETS);
        assertThat(sets.of(first)).isSameAs(firstSet);
        sets.of(List.of(new org.banyan.ledger.Validator(TestChain.validatorKey(1).publicKey().encoded(), 1)));
        assertThat(sets.cachedCount()).isEqualTo(ValidatorSets.CACHED_SETS);
        // The least recently used set was dropped; the one just asked for again was kept.
        assertThat(sets.of(first)).isSameAs(firstSet);
    }
}
