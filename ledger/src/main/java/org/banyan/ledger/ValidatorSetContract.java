package org.banyan.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.protocol.ERRORCODE;

/**
 * The validator-set system contract. Like BIF's system contracts it is called with a PAY_COIN of amount 0
 * to its address, the JSON call in {@code input}:
 *
 * <pre>{@code {"method": "setValidators", "params": {"validators": [{"public_key": "b06566…", "power": 1}, …]}}}</pre>
 *
 * Only the chain's governance account may call it. The new set replaces the whole set and takes effect two
 * ledgers after the one that commits the call (at h + 2), so the ledger in between already names the next set
 * and every node switches at the same height. It is built in, registered with
 * {@link SystemContractCapability#SCHEDULE_VALIDATORS}, and keeps no metadata.
 */
public final class ValidatorSetContract implements SystemContract {

    /** The contract's address: derived from a fixed tag, so no key controls it. */
    public static final String ADDRESS = Address.of(KeyType.ED25519,
        Arrays.copyOfRange(Hashes.sha256("banyan/system/validator-set".getBytes(StandardCharsets.UTF_8)), 10, 32),
        Optional.empty()).toString();

    /** Ledgers between the one that commits a change and the first one the new set runs. */
    public static final int ACTIVATION_DELAY = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    ValidatorSetContract() {
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    /** Executes a call; on success the new set is pending in the transaction's state. */
    @Override
    public CallResult call(final CallContext context) {
        if (!context.sourceAddress().equals(context.genesis().governanceAccount())) {
            return CallResult.failure(ERRORCODE.ERRCODE_ACCESS_DENIED,
                "only the chain's governance account may change the validator set");
        }
        final Optional<List<Validator>> validators = parse(context.input());
        if (validators.isEmpty()) {
            return CallResult.failure(ERRORCODE.ERRCODE_INVALID_PARAMETER, "input must be {\"method\":\"setValidators\","
                + "\"params\":{\"validators\":[{\"public_key\":\"b06566…\",\"power\":1},…]}} with 1 to "
                + Limits.MAX_VALIDATORS + " distinct valid keys and powers from 1 to " + Limits.MAX_VALIDATOR_POWER);
        }
        context.scheduleValidators(validators.get());
        return CallResult.success();
    }

    /** The validator sets are served by the ledger ({@link Ledger#validators}), not by contract queries. */
    @Override
    public Outcome<String> query(final QueryContext context) {
        return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER,
            "the validator-set contract answers no queries; read the validators of a ledger instead");
    }

    private static Optional<List<Validator>> parse(final String input) {
        if (input.length() > Limits.MAX_CONTRACT_INPUT_BYTES) {
            return Optional.empty();
        }
        try {
            final JsonNode call = JSON.readTree(input);
            final JsonNode list = call == null ? null : call.path("params").path("validators");
            if (call == null || !"setValidators".equals(call.path("method").asText()) || list == null || !list.isArray()
                || list.isEmpty() || list.size() > Limits.MAX_VALIDATORS) {
                return Optional.empty();
            }
            final List<Validator> validators = new ArrayList<>();
            final Set<String> seen = new HashSet<>();
            for (final JsonNode entry : list) {
                if (!entry.path("public_key").isTextual() || !entry.path("power").canConvertToLong()) {
                    return Optional.empty();
                }
                final Validator validator = new Validator(entry.get("public_key").textValue(), entry.get("power").longValue());
                if (!seen.add(validator.publicKey())) {
                    return Optional.empty();
                }
                validators.add(validator);
            }
            return Optional.of(validators);
        } catch (final IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
