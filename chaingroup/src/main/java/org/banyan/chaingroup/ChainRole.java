package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.Limits;
import org.banyan.ledger.Validator;

/**
 * A chain's place in the chain group, read from its genesis rules: a main chain (gated, or open for test networks),
 * or a sub-chain with its AC code and the main chain it trusts (chain id and validator set at registration).
 *
 * <p>Rules: {@value #AC_CODE} (a sub-chain's AC code; its absence makes a main chain), {@value #OPEN}
 * ({@code true} or {@code false}, main chains only), {@value #MAIN_CHAIN_ID} and {@value #MAIN_CHAIN_VALIDATORS}
 * (a JSON list {@code [{"public_key": …, "power": …}]}, sub-chains only).
 */
public sealed interface ChainRole permits ChainRole.Main, ChainRole.Sub, ChainRole.Unregistered {

    /** Rule naming a sub-chain's AC code. */
    String AC_CODE = "ac_code";

    /** Rule opening a main chain to uncertified accounts. */
    String OPEN = "chain_group.open";

    /** Rule naming the main chain's id on a sub-chain. */
    String MAIN_CHAIN_ID = "main_chain.chain_id";

    /** Rule naming the main chain's validators on a sub-chain, when it registered. */
    String MAIN_CHAIN_VALIDATORS = "main_chain.validators";

    /** The main chain: super nodes validate it; when not {@code open}, only certified accounts transact. */
    record Main(boolean open) implements ChainRole {
        @Override
        public Map<String, String> rules() {
            return open ? Map.of(OPEN, "true") : Map.of();
        }
    }

    /** A sub-chain with AC code {@code acCode}, trusting the main chain {@code mainChainId} and its validators. */
    record Sub(String acCode, long mainChainId, List<Validator> mainChainValidators) implements ChainRole {
        public Sub {
            Objects.requireNonNull(acCode, "acCode");
            if (!AcCode.isValid(acCode)) {
                throw new IllegalArgumentException("genesis rule " + AC_CODE + " '" + acCode + "' is not an AC code of "
                    + AcCode.LENGTH + " lowercase letters or digits");
            }
            mainChainValidators = List.copyOf(mainChainValidators);
            if (mainChainValidators.isEmpty() || mainChainValidators.size() > Limits.MAX_VALIDATORS) {
                throw new IllegalArgumentException("genesis rule " + MAIN_CHAIN_VALIDATORS + " must list 1 to "
                    + Limits.MAX_VALIDATORS + " validators");
            }
        }

        @Override
        public Map<String, String> rules() {
            return Map.of(AC_CODE, acCode, MAIN_CHAIN_ID, Long.toString(mainChainId),
                MAIN_CHAIN_VALIDATORS, Json.write(SubChain.validatorsJson(mainChainValidators)));
        }
    }

    /**
     * A chain with an AC code that names no main chain: a sub-chain run on its own (a developer's {@code dev --ac}
     * node) before it joins a group. Its BIDs carry the AC code, but it follows no main chain and takes no orders.
     */
    record Unregistered(String acCode) implements ChainRole {
        public Unregistered {
            if (!AcCode.isValid(acCode)) {
                throw new IllegalArgumentException("genesis rule " + AC_CODE + " '" + acCode + "' is not an AC code of "
                    + AcCode.LENGTH + " lowercase letters or digits");
            }
        }

        @Override
        public Map<String, String> rules() {
            return Map.of(AC_CODE, acCode);
        }
    }

    /** The genesis rules that give this role, for writing a genesis. */
    Map<String, String> rules();

    /**
     * The role {@code genesis} gives.
     *
     * @throws IllegalArgumentException with the faulty rule named, if the rules are inconsistent or malformed
     */
    static ChainRole of(final Genesis genesis) {
        final Optional<String> acCode = genesis.rule(AC_CODE);
        if (acCode.isEmpty()) {
            if (genesis.rule(MAIN_CHAIN_ID).isPresent() || genesis.rule(MAIN_CHAIN_VALIDATORS).isPresent()) {
                throw new IllegalArgumentException("genesis rules " + MAIN_CHAIN_ID + " and " + MAIN_CHAIN_VALIDATORS
                    + " belong to a sub-chain, which also needs " + AC_CODE);
            }
            final String open = genesis.rule(OPEN).orElse("false");
            if (!open.equals("true") && !open.equals("false")) {
                throw new IllegalArgumentException("genesis rule " + OPEN + " must be true or false, was '" + open + "'");
            }
            return new Main(Boolean.parseBoolean(open));
        }
        if (genesis.rule(OPEN).isPresent()) {
            throw new IllegalArgumentException("genesis rule " + OPEN + " is for main chains; a sub-chain with "
                + AC_CODE + " cannot be open");
        }
        if (genesis.rule(MAIN_CHAIN_ID).isEmpty() && genesis.rule(MAIN_CHAIN_VALIDATORS).isEmpty()) {
            return new Unregistered(acCode.get());
        }
        final String chainId = genesis.rule(MAIN_CHAIN_ID).orElseThrow(() -> new IllegalArgumentException(
            "a sub-chain's genesis with " + MAIN_CHAIN_VALIDATORS + " needs the rule " + MAIN_CHAIN_ID));
        final String validators = genesis.rule(MAIN_CHAIN_VALIDATORS).orElseThrow(() -> new IllegalArgumentException(
            "a sub-chain's genesis with " + MAIN_CHAIN_ID + " needs the rule " + MAIN_CHAIN_VALIDATORS));
        final long mainChainId;
        try {
            mainChainId = Long.parseLong(chainId);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("genesis rule " + MAIN_CHAIN_ID + " must be a number, was '" + chainId
                + "'", e);
        }
        if (mainChainId < 0) {
            throw new IllegalArgumentException("genesis rule " + MAIN_CHAIN_ID + " must not be negative");
        }
        final ObjectNode params = Json.object();
        try {
            params.set("validators", Json.MAPPER.readTree(validators));
            return new Sub(acCode.get(), mainChainId, new Call(MAIN_CHAIN_VALIDATORS, params)
                .validators("validators", Limits.MAX_VALIDATORS));
        } catch (final com.fasterxml.jackson.core.JsonProcessingException | Refusal e) {
            throw new IllegalArgumentException("genesis rule " + MAIN_CHAIN_VALIDATORS
                + " must be a JSON list [{\"public_key\": …, \"power\": …}]: " + e.getMessage(), e);
        }
    }

    /** {@code genesis} with this role's rules added to its other rules. */
    default Genesis applyTo(final Genesis genesis) {
        final Map<String, String> rules = new TreeMap<>(genesis.rules());
        rules.remove(AC_CODE);
        rules.remove(OPEN);
        rules.remove(MAIN_CHAIN_ID);
        rules.remove(MAIN_CHAIN_VALIDATORS);
        rules.putAll(rules());
        return genesis.withRules(rules);
    }
}
