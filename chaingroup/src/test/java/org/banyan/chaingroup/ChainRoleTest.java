package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.SystemContracts;
import org.banyan.ledger.Validator;
import org.junit.jupiter.api.Test;

class ChainRoleTest {

    private static final Validator VALIDATOR = new Validator(TestChain.key("v").publicKey().encoded(), 3);
    private static final String ADDRESS = TestChain.key("a").publicKey().address().toString();
    private static final Genesis PLAIN = new Genesis(5, false, 1, ADDRESS, List.of(new GenesisAccount(ADDRESS, 1)),
        List.of(VALIDATOR), new FeeSchedule(1, 0));

    @Test
    void aGenesisWithoutRulesIsAGatedMainChain() {
        assertThat(ChainRole.of(PLAIN)).isEqualTo(new ChainRole.Main(false));
        assertThat(ChainRole.of(PLAIN.withRules(Map.of(ChainRole.OPEN, "true")))).isEqualTo(new ChainRole.Main(true));
    }

    @Test
    void aSubChainRoleRoundTripsThroughGenesisRules() {
        final ChainRole.Sub sub = new ChainRole.Sub("ab12", 1, List.of(VALIDATOR));

        final Genesis genesis = sub.applyTo(PLAIN);

        assertThat(genesis.rules()).containsEntry(ChainRole.AC_CODE, "ab12").containsEntry(ChainRole.MAIN_CHAIN_ID, "1");
        assertThat(ChainRole.of(genesis)).isEqualTo(sub);
        assertThat(new ChainRole.Main(true).applyTo(genesis).rules()).containsOnlyKeys(ChainRole.OPEN);
    }

    @Test
    void malformedRulesAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> ChainRole.of(PLAIN.withRules(Map.of(ChainRole.OPEN, "yes"))))
            .hasMessageContaining(ChainRole.OPEN);
        assertThatThrownBy(() -> ChainRole.of(PLAIN.withRules(Map.of(ChainRole.AC_CODE, "ab12",
            ChainRole.MAIN_CHAIN_VALIDATORS, "[]"))))
            .hasMessageContaining(ChainRole.MAIN_CHAIN_ID);
        assertThatThrownBy(() -> ChainRole.of(PLAIN.withRules(Map.of(ChainRole.AC_CODE, "AB12",
            ChainRole.MAIN_CHAIN_ID, "1", ChainRole.MAIN_CHAIN_VALIDATORS, "[]"))))
            .hasMessageContaining(ChainRole.MAIN_CHAIN_VALIDATORS);
        assertThatThrownBy(() -> ChainRole.of(PLAIN.withRules(Map.of(ChainRole.AC_CODE, "ab12",
            ChainRole.MAIN_CHAIN_ID, "x", ChainRole.MAIN_CHAIN_VALIDATORS, "[]"))))
            .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> ChainRole.of(PLAIN.withRules(Map.of(ChainRole.AC_CODE, "ab12",
            ChainRole.MAIN_CHAIN_ID, "1", ChainRole.MAIN_CHAIN_VALIDATORS, "{oops"))))
            .hasMessageContaining("must be a JSON list");
        assertThatThrownBy(() -> ChainRole.of(PLAIN.withRules(Map.of(ChainRole.MAIN_CHAIN_ID, "1"))))
            .hasMessageContaining("also needs " + ChainRole.AC_CODE);
    }

    @Test
    void anAcCodeWithoutAMainChainIsAnUnregisteredSubChainWithNoChainGroupContracts() {
        final Genesis genesis = PLAIN.withRules(Map.of(ChainRole.AC_CODE, "ab12"));

        assertThat(ChainRole.of(genesis)).isEqualTo(new ChainRole.Unregistered("ab12"));
        assertThat(ChainGroupContracts.register(SystemContracts.builtIn(), genesis).addresses())
            .containsExactlyElementsOf(SystemContracts.builtIn().addresses());
        assertThatThrownBy(() -> new ChainRole.Unregistered("AB12")).hasMessageContaining("not an AC code");
    }

    @Test
    void registrationFollowsTheRole() {
        final SystemContracts gated = ChainGroupContracts.register(SystemContracts.builtIn(), PLAIN);
        assertThat(gated.find(ChainGroupContract.ADDRESS)).isPresent();
        assertThat(gated.policies()).singleElement().isInstanceOf(MainChainGate.class);
        assertThat(gated.grants(ChainGroupContract.ADDRESS,
            org.banyan.ledger.SystemContractCapability.SCHEDULE_VALIDATORS)).isTrue();

        final SystemContracts sub = ChainGroupContracts.register(SystemContracts.builtIn(),
            new ChainRole.Sub("ab12", 1, List.of(VALIDATOR)).applyTo(PLAIN));
        assertThat(sub.find(MainChainClientContract.ADDRESS)).isPresent();
        assertThat(sub.find(ChainGroupContract.ADDRESS)).isEmpty();
        assertThat(sub.policies()).singleElement().isInstanceOf(SubChainGate.class);
    }
}
