package org.banyan.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.banyan.chaingroup.ChainRole;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.Validator;
import org.banyan.ledger.GenesisAccount;

/**
 * Reads and writes the genesis file: the chain's first state, which every node of the chain must share byte for byte
 * in meaning. Its format:
 *
 * <pre>{@code
 * {
 *   "chain_id": 1,
 *   "accept_unspecified_chain_id": true,
 *   "close_time": 1700000000000000,
 *   "governance_account": "did:bid:ef…",
 *   "accounts": [{"address": "did:bid:ef…", "balance": 100000000000000000}],
 *   "validators": [{"public_key": "b06566…", "power": 1}],
 *   "fees": {"min_gas_price": 100, "base_reserve": 10000000},
 *   "ac_code": "abcd",
 *   "rules": {"main_chain.chain_id": "1", "main_chain.validators": "[{\"public_key\": …, \"power\": 1}]"}
 * }
 * }</pre>
 *
 * {@code ac_code} is present only on a sub-chain: its 4-character AC code, which its BIDs carry
 * ({@code did:bid:abcd:ef…}). Without it the chain is the main chain. {@code rules} are the chain-group rules
 * ({@link org.banyan.chaingroup.ChainRole}): a main chain's {@code chain_group.open} (true lets uncertified accounts
 * transact: a test network), a registered sub-chain's main-chain trust root. The genesis hash covers them.
 * {@code close_time} is in microseconds since the epoch and balances and fees are in glowstone (10^-8 XHT).
 * {@code accept_unspecified_chain_id} defaults to true because the official BIF SDK leaves {@code chain_id} at 0.
 * That has a cost: a transaction signed without a chain id is valid on every chain that accepts unspecified ids, so
 * where the same key controls an account on two such chains, a transaction can be replayed from one to the other
 * (while the nonces line up). Chains that share keys with other chains should set it to false and require a chain id.
 */
public final class GenesisConfig {

    private static final Set<String> FIELDS = Set.of("chain_id", "accept_unspecified_chain_id", "close_time",
        "governance_account", "accounts", "validators", "fees", "ac_code", "rules");

    private GenesisConfig() {
    }

    /** Reads a genesis file. */
    public static ChainGenesis load(final Path file) {
        return read(ConfigJson.read(file));
    }

    /** Parses genesis JSON; {@code source} names it in error messages. */
    public static ChainGenesis parse(final String json, final String source) {
        return read(ConfigJson.parse(json, source));
    }

    private static ChainGenesis read(final ConfigJson json) {
        json.rejectUnknownFields(FIELDS);
        final List<GenesisAccount> accounts = new ArrayList<>();
        int index = 0;
        for (final JsonNode element : json.array("accounts")) {
            final ConfigJson account = json.element("accounts", index++, element);
            account.rejectUnknownFields(Set.of("address", "balance"));
            accounts.add(new GenesisAccount(account.requiredText("address"), account.requiredLong("balance")));
        }
        final List<Validator> validators = new ArrayList<>();
        index = 0;
        for (final JsonNode element : json.array("validators")) {
            final ConfigJson validator = json.element("validators", index++, element);
            validator.rejectUnknownFields(Set.of("public_key", "power"));
            try {
                validators.add(new Validator(validator.requiredText("public_key"), validator.optionalLong("power").orElse(1L)));
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(json.source() + ": validators[" + (index - 1) + "]: " + e.getMessage(), e);
            }
        }
        final ConfigJson fees = json.object("fees");
        fees.rejectUnknownFields(Set.of("min_gas_price", "base_reserve"));
        final long chainId = json.requiredLong("chain_id");
        final boolean acceptUnspecifiedChainId = json.optionalBoolean("accept_unspecified_chain_id").orElse(true);
        final long closeTimeMicros = json.requiredLong("close_time");
        final String governanceAccount = json.requiredText("governance_account");
        final long minGasPrice = fees.requiredLong("min_gas_price");
        final long baseReserve = fees.requiredLong("base_reserve");
        final Map<String, String> rules = new TreeMap<>();
        if (json.has("rules")) {
            final ConfigJson ruleObject = json.object("rules");
            for (final String name : ruleObject.fieldNames()) {
                rules.put(name, ruleObject.requiredText(name));
            }
        }
        try {
            return new ChainGenesis(new Genesis(chainId, acceptUnspecifiedChainId, closeTimeMicros, governanceAccount,
                accounts, validators, new FeeSchedule(minGasPrice, baseReserve)).withRules(rules),
                json.optionalText("ac_code"));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(json.source() + ": " + e.getMessage(), e);
        }
    }

    /** The genesis as file content, in the format {@link #parse} reads. */
    public static String toJson(final ChainGenesis chain) {
        final Genesis genesis = chain.genesis();
        final ObjectNode root = ConfigJson.MAPPER.createObjectNode();
        root.put("chain_id", genesis.chainId());
        root.put("accept_unspecified_chain_id", genesis.acceptUnspecifiedChainId());
        root.put("close_time", genesis.closeTimeMicros());
        root.put("governance_account", genesis.governanceAccount());
        final ArrayNode accounts = root.putArray("accounts");
        genesis.accounts().forEach(account ->
            accounts.addObject().put("address", account.address()).put("balance", account.balance()));
        final ArrayNode validators = root.putArray("validators");
        genesis.validators().forEach(validator ->
            validators.addObject().put("public_key", validator.publicKey()).put("power", validator.power()));
        root.putObject("fees")
            .put("min_gas_price", genesis.fees().minGasPrice())
            .put("base_reserve", genesis.fees().baseReserve());
        chain.acCode().ifPresent(acCode -> root.put("ac_code", acCode));
        final ObjectNode rules = root.putObject("rules");
        genesis.rules().forEach((name, value) -> {
            if (!name.equals(ChainRole.AC_CODE)) {
                rules.put(name, value);
            }
        });
        try {
            return ConfigJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be serialized", e);
        }
    }
}
