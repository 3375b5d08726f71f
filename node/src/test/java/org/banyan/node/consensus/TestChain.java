package org.banyan.node.consensus;

import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Validator;
import org.banyan.node.DevNode;
import org.banyan.node.TestTransactions;
import org.banyan.store.MemoryStore;

/** A ledger in memory with funded accounts (keys 1 to 4) and validators (keys 100 and up), for consensus unit tests. */
final class TestChain {

    static final long CHAIN_ID = 7;
    static final long GENESIS_CLOSE_TIME_MICROS = 1_600_000_000_000_000L;

    private TestChain() {
    }

    static PrivateKey validatorKey(final int index) {
        return TestTransactions.key(100 + index);
    }

    static Ledger ledger(final int validators) {
        final PrivateKey governance = TestTransactions.key(0);
        final List<GenesisAccount> accounts = new ArrayList<>();
        accounts.add(new GenesisAccount(TestTransactions.address(governance), 1_000_000_000_000_000L));
        for (int index = 1; index <= 4; index++) {
            accounts.add(new GenesisAccount(TestTransactions.address(TestTransactions.key(index)), 1_000_000_000_000L));
        }
        final List<Validator> set = new ArrayList<>();
        for (int index = 0; index < validators; index++) {
            set.add(new Validator(validatorKey(index).publicKey().encoded(), 1));
        }
        return Ledger.open(new MemoryStore(), new Genesis(CHAIN_ID, true, GENESIS_CLOSE_TIME_MICROS,
            TestTransactions.address(governance), accounts, set,
            new FeeSchedule(TestTransactions.GAS_PRICE, DevNode.BASE_RESERVE)));
    }
}
