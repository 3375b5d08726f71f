package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.banyan.crypto.Hashes;
import org.banyan.store.MemoryStore;
import org.junit.jupiter.api.Test;

class GenesisRulesTest {

    private final TestChain chain = new TestChain();

    @Test
    void aGenesisWithoutRulesHashesAsBeforeRulesExisted() {
        final Genesis genesis = chain.genesis;
        final String before = "banyan/genesis/v1\n"
            + "chain_id=" + genesis.chainId() + "\n"
            + "accept_unspecified_chain_id=true\n"
            + "close_time=" + genesis.closeTimeMicros() + "\n"
            + "governance_account=" + genesis.governanceAccount() + "\n"
            + "min_gas_price=1\n"
            + "base_reserve=0\n"
            + "validator=" + genesis.validators().get(0).publicKey() + ",1\n"
            + "account=" + genesis.governanceAccount() + "," + TestChain.GENESIS_BALANCE + "\n";

        assertThat(genesis.rules()).isEmpty();
        assertThat(LedgerHashes.genesisRulesHash(genesis))
            .isEqualTo(Hashes.sha256(before.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rulesAreSortedAndCoveredByTheGenesisLedgerHash() {
        final Genesis ruled = chain.genesis.withRules(Map.of("main_chain.chain_id", "1", "ac_code", "abcd"));

        assertThat(ruled.rules().keySet()).containsExactly("ac_code", "main_chain.chain_id");
        assertThat(ruled.rule("ac_code")).contains("abcd");
        assertThat(ruled.rule("chain_group.open")).isEmpty();
        final Ledger ledger = Ledger.open(new MemoryStore(), ruled);
        assertThat(ledger.header(1).orElseThrow().getHash()).isNotEqualTo(chain.ledger.header(1).orElseThrow().getHash());
        assertThat(ledger.genesis().rules()).isEqualTo(ruled.rules());
    }

    @Test
    void aStoreOpenedWithDifferentRulesIsRefused() {
        final MemoryStore store = new MemoryStore();
        Ledger.open(store, chain.genesis.withRules(Map.of("ac_code", "abcd")));

        assertThatThrownBy(() -> Ledger.open(store, chain.genesis.withRules(Map.of("ac_code", "wxyz"))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("different chain");
    }

    @Test
    void ruleCountIsCapped() {
        final Map<String, String> rules = new HashMap<>();
        for (int index = 0; index < Genesis.MAX_RULES; index++) {
            rules.put("rule" + index, "x");
        }
        assertThat(chain.genesis.withRules(rules).rules()).hasSize(Genesis.MAX_RULES);

        rules.put("one.more", "x");
        assertThatThrownBy(() -> chain.genesis.withRules(rules))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + Genesis.MAX_RULES);
    }

    @Test
    void ruleKeysAndValuesAreCappedAndCannotForgeAnotherLine() {
        final String longestKey = "k".repeat(Genesis.MAX_RULE_KEY_BYTES);
        final String longestValue = "v".repeat(Genesis.MAX_RULE_VALUE_BYTES);
        assertThat(chain.genesis.withRules(Map.of(longestKey, longestValue)).rules()).containsKey(longestKey);

        assertThatThrownBy(() -> chain.genesis.withRules(Map.of(longestKey + "k", "v")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rule key");
        assertThatThrownBy(() -> chain.genesis.withRules(Map.of("k", longestValue + "v")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value of at most");
        assertThatThrownBy(() -> chain.genesis.withRules(Map.of("a=b", "v")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.genesis.withRules(Map.of("a", "v\nrule.b=w")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.genesis.withRules(Map.of("", "v")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
