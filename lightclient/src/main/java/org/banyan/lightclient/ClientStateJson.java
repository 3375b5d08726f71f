package org.banyan.lightclient;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.consensus.BlockId;

/**
 * The JSON form of a {@link ClientState}:
 * <pre>
 * {"chain_id": 7, "validators": [{"public_key": "b065…", "power": 1}, …], "validators_hash": "&lt;hex&gt;",
 *  "latest_height": 12, "latest_block_id": "&lt;hex&gt;", "frozen": {"reason": "…", "evidence": "…"}}
 * </pre>
 * {@code latest_block_id} and {@code frozen} are left out when absent.
 */
final class ClientStateJson {

    private ClientStateJson() {
    }

    static String write(final ClientState state) {
        final ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("chain_id", state.chainId());
        final ArrayNode validators = root.putArray("validators");
        for (final TrustedValidator validator : state.validators()) {
            validators.addObject().put("public_key", validator.publicKey().encoded()).put("power", validator.power());
        }
        root.put("validators_hash", Bytes.hex(state.validatorsHash()));
        root.put("latest_height", state.latestHeight());
        state.latestBlockId().ifPresent(id -> root.put("latest_block_id", Bytes.hex(id.bytes())));
        state.frozen().ifPresent(frozen -> root.putObject("frozen")
                .put("reason", frozen.reason()).put("evidence", frozen.evidence()));
        return JsonFields.write(root);
    }

    static Checked<ClientState> read(final String json) {
        try {
            final JsonFields root = JsonFields.parse(json, Limits.MAX_STATE_JSON_CHARS, "a client state");
            final long chainId = root.integer("chain_id");
            final List<TrustedValidator> validators = new ArrayList<>();
            for (final JsonFields entry : root.objects("validators", org.banyan.consensus.Limits.MAX_VALIDATORS)) {
                final Checked<TrustedValidator> validator =
                        TrustedValidator.of(entry.text("public_key"), entry.integer("power"));
                entry.end();
                if (validator instanceof Checked.Invalid<TrustedValidator> invalid) {
                    return Checked.invalid("client state validator " + validators.size() + ": " + invalid.reason());
                }
                validators.add(validator.orElseThrow());
            }
            final var validatorsHash = root.hash("validators_hash");
            final long latestHeight = root.integer("latest_height");
            final Optional<BlockId> latestBlockId = root.has("latest_block_id")
                    ? Optional.of(new BlockId(root.hash("latest_block_id"))) : Optional.empty();
            Optional<ClientState.Frozen> frozen = Optional.empty();
            if (root.has("frozen")) {
                final JsonFields fields = root.object("frozen");
                frozen = Optional.of(new ClientState.Frozen(fields.text("reason"), fields.text("evidence")));
                fields.end();
            }
            root.end();
            return Checked.ok(new ClientState(chainId, validators, validatorsHash, latestHeight, latestBlockId, frozen));
        } catch (final MalformedInput e) {
            return Checked.invalid(e.getMessage());
        } catch (final IllegalArgumentException e) {
            return Checked.invalid("the client state is inconsistent: " + e.getMessage());
        }
    }
}
