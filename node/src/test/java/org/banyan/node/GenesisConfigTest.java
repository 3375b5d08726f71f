package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.junit.jupiter.api.Test;

class GenesisConfigTest {

    private static final String ALICE = TestTransactions.address(TestTransactions.key(1));
    private static final String BOB = TestTransactions.address(TestTransactions.key(2));
    private static final String ALICE_KEY = TestTransactions.key(1).publicKey().encoded();

    @Test
    void aGenesisSurvivesTheRoundTrip() {
        final Genesis genesis = new Genesis(42, false, 1_700_000_000_000_000L, ALICE,
            List.of(new GenesisAccount(ALICE, 5), new GenesisAccount(BOB, Long.MAX_VALUE - 5)), List.of(new Validator(TestTransactions.key(2).publicKey().encoded(), 3),
                new Validator(TestTransactions.key(1).publicKey().encoded(), 1)),
            new FeeSchedule(1_000, 0));
        final ChainGenesis main = ChainGenesis.mainChain(genesis);
        assertThat(GenesisConfig.parse(GenesisConfig.toJson(main), "test")).isEqualTo(main);
        final ChainGenesis subChain = new ChainGenesis(genesis, Optional.of("abcd"));
        assertThat(GenesisConfig.toJson(subChain)).contains("\"ac_code\" : \"abcd\"");
        assertThat(GenesisConfig.parse(GenesisConfig.toJson(subChain), "test")).isEqualTo(subChain);
    }

    @Test
    void anAcCodeMustBeFourLowerCaseLettersOrDigits() {
        final String json = GenesisConfig.toJson(new ChainGenesis(new Genesis(3, true, 1, ALICE,
            List.of(new GenesisAccount(ALICE, 10)), List.of(new Validator(ALICE_KEY, 1)), new FeeSchedule(1, 0)),
            Optional.of("abcd")));
        assertThatThrownBy(() -> GenesisConfig.parse(json.replace("abcd", "ABCD"), "genesis.json"))
            .hasMessageContaining("4 lower-case letters or digits");
        assertThatThrownBy(() -> GenesisConfig.parse(json.replace("\"abcd\"", "7"), "genesis.json"))
            .hasMessageContaining("'ac_code' must be a string");
    }

    @Test
    void unspecifiedChainIdsAreAcceptedUnlessTurnedOff() {
        final String json = "{\"chain_id\": 3, \"close_time\": 1, \"governance_account\": \"" + ALICE + "\","
            + " \"accounts\": [{\"address\": \"" + ALICE + "\", \"balance\": 10}], \"validators\": [{\"public_key\": \"" + ALICE_KEY + "\"}],"
            + " \"fees\": {\"min_gas_price\": 100, \"base_reserve\": 0}}";
        assertThat(GenesisConfig.parse(json, "test").genesis().acceptUnspecifiedChainId()).isTrue();
        assertThat(GenesisConfig.parse(json, "test").acCode()).as("no ac_code: the main chain").isEmpty();
    }

    @Test
    void malformedGenesisFilesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> GenesisConfig.parse("{\"chain_id\": 1}", "genesis.json"))
            .hasMessageContaining("genesis.json").hasMessageContaining("required");
        assertThatThrownBy(() -> GenesisConfig.parse("{\"chain_id\": 1, \"close_time\": 1, \"governance_account\": \""
                + ALICE + "\", \"accounts\": [{\"address\": \"nobody\", \"balance\": 1}], \"validators\": [{\"public_key\": \"" + ALICE_KEY
                + "\"}], \"fees\": {\"min_gas_price\": 1, \"base_reserve\": 0}}", "genesis.json"))
            .hasMessageContaining("genesis.json").hasMessageContaining("'nobody' is not a valid BID address");
        assertThatThrownBy(() -> GenesisConfig.parse("{\"accounts\": [7]}", "genesis.json"))
            .hasMessageContaining("'accounts'[0] must be a JSON object");
        assertThatThrownBy(() -> GenesisConfig.parse("{\"validators\": [7]}", "genesis.json"))
            .hasMessageContaining("'validators'[0] must be a JSON object");
        assertThatThrownBy(() -> GenesisConfig.parse("{\"chain_id\": 1, \"close_time\": 1, \"governance_account\": \""
                + ALICE + "\", \"accounts\": [{\"address\": \"" + ALICE + "\", \"balance\": 1}], \"validators\": "
                + "[{\"public_key\": \"b06566ff\"}], \"fees\": {\"min_gas_price\": 1, \"base_reserve\": 0}}", "genesis.json"))
            .hasMessageContaining("genesis.json: validators[0]").hasMessageContaining("not a valid public key");
        assertThatThrownBy(() -> GenesisConfig.parse("{\"fees\": {\"min_gas\": 1}}", "genesis.json"))
            .hasMessageContaining("unknown field 'min_gas'");
        assertThatThrownBy(() -> GenesisConfig.parse("{\"chain_id\": 1.5}", "genesis.json"))
            .hasMessageContaining("'chain_id' must be a 64-bit integer");
        assertThatThrownBy(() -> GenesisConfig.parse("not json", "genesis.json"))
            .hasMessageContaining("genesis.json is not valid JSON");
    }
}
