package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.Validator;
import org.banyan.lightclient.ChainGroupEntries;
import org.banyan.lightclient.Anchor;
import org.banyan.lightclient.ClientState;
import org.banyan.lightclient.EntryProof;
import org.banyan.lightclient.LightClient;
import org.banyan.lightclient.Proven;
import org.banyan.lightclient.TrustedValidator;
import org.banyan.lightclient.UpdateResult;
import org.banyan.protocol.chaingroup.CertifiedHeader;

/**
 * A sub-chain's light client of the main chain (design section 4), trusting the main chain's id and validators named
 * in the sub-chain's genesis. Anyone may feed it main-chain headers ({@code updateClient}) and relay supervision orders
 * ({@code applyOrder}); an order is applied only when its entry {@code order/<ac>/<n>} of the chain-group contract is
 * proven against the state root of a main-chain header this client verified, for this chain's AC code and the next n.
 * A header that proves the main chain's validators forked freezes the client; the call then succeeds, since a failed
 * call would discard the freeze, and applies nothing.
 */
public final class MainChainClientContract extends JsonContract {

    /** The contract's address: derived from a fixed tag, so no key controls it. */
    public static final String ADDRESS = ChainGroupEntries.systemAddress("banyan/system/main-chain-client");

    /** Characters of a base64 entry proof in a call: the call's input cap bounds it anyway; this names it. */
    private static final int MAX_PROOF_CHARS = org.banyan.ledger.Limits.MAX_CONTRACT_INPUT_BYTES;

    private final ChainRole.Sub role;

    /** The client of the main chain that {@code role} names. */
    public MainChainClientContract(final ChainRole.Sub role) {
        super(ADDRESS);
        this.role = role;
    }

    @Override
    void handle(final CallContext context, final Call call) {
        switch (call.method()) {
            case "updateClient" -> {
                call.only("certified_header");
                verified(context, call);
            }
            case "applyOrder" -> applyOrder(context, call);
            default -> throw Refusal.invalid("the main-chain client contract has no method '" + call.method() + "'");
        }
    }

    @Override
    String answer(final QueryContext context, final Call call) {
        return switch (call.method()) {
            case "client" -> {
                call.only();
                yield client(context).toJson();
            }
            case "appliedCount" -> {
                call.only();
                yield Json.write(Json.object().put("applied_orders", appliedCount(context)));
            }
            case "applied" -> {
                call.only("n");
                final long n = call.number("n", 1, Long.MAX_VALUE);
                yield context.metadata(ChainGroupKeys.applied(n)).orElseThrow(() -> Refusal.missing(
                    "order " + n + " has not been applied; orders up to " + appliedCount(context) + " have"));
            }
            case "frozenAccounts" -> {
                call.only();
                final ArrayNode list = Json.array();
                FrozenAccounts.list(context).forEach(list::add);
                yield Json.write(list);
            }
            default -> throw Refusal.invalid("the main-chain client contract answers no query '" + call.method() + "'");
        };
    }

    /**
     * {@code applyOrder {certified_header, proof}}: the header is verified (or was, at its height), the proof shows the
     * order entry in that header's state root, and the order is this chain's next one.
     */
    private void applyOrder(final CallContext context, final Call call) {
        call.only("certified_header", "proof");
        final Optional<Anchor> verified = verified(context, call);
        if (verified.isEmpty()) {
            return;
        }
        final Anchor header = verified.get();
        final EntryProof proof = CheckedValues.input(EntryProof.fromBase64(call.text("proof", MAX_PROOF_CHARS)));
        final long n = appliedCount(context) + 1;
        final String key = ChainGroupKeys.order(role.acCode(), n);
        final Proven<String> entry = proof.verify(header.stateRoot(), ChainGroupContract.ADDRESS, key);
        if (entry instanceof Proven.Invalid<String> invalid) {
            throw Refusal.invalid("the proof of " + key + " against main-chain ledger " + header.ledgerSeq()
                + " does not hold: " + invalid.reason() + " (this sub-chain applies order " + n + " next)");
        }
        if (!(entry instanceof Proven.Present<String> present)) {
            throw Refusal.missing("main-chain ledger " + header.ledgerSeq() + " has no order " + n + " for '"
                + role.acCode() + "' yet");
        }
        final SupervisionOrder order = SupervisionOrder.fromJson(present.value()).orElseThrow(() -> Refusal.invalid(
            "the proven entry " + key + " is not a supervision order"));
        if (!order.ac().equals(role.acCode()) || order.n() != n) {
            throw Refusal.invalid("the proven entry " + key + " names order " + order.n() + " of '" + order.ac() + "'");
        }
        FrozenAccounts.set(context, order.account(), order.kind() == OrderKind.FREEZE_ACCOUNT, n);
        context.putMetadata(ChainGroupKeys.applied(n), Json.write(Json.stored(order.toJson())
            .put("applied_at", context.ledgerSeq()).put("main_chain_height", header.height())));
        context.putMetadata(ChainGroupKeys.APPLIED_COUNT, Long.toString(n));
    }

    /**
     * The anchor of the call's certified header: the stored one when this client already verified that very block,
     * else the result of a light-client update, which is stored. Empty when the header proved misbehaviour: the client
     * is then frozen, which the call keeps by succeeding without doing anything else.
     */
    private Optional<Anchor> verified(final CallContext context, final Call call) {
        final CertifiedHeader certified = CheckedValues.input(LightClient.decodeCertifiedHeader(
            call.text("certified_header", ChainGroupLimits.MAX_CERTIFIED_HEADER_CHARS)));
        final long height = certified.getHeader().getHeight();
        final Optional<Anchor> known = header(context, height);
        final ClientState client = client(context);
        if (known.isPresent() && known.get().header().equals(certified.getHeader().toByteString())
            && client.frozen().isEmpty()) {
            return known;
        }
        final UpdateResult result = LightClient.update(client, certified, at -> header(context, at));
        if (result instanceof UpdateResult.Refused refused) {
            throw Refusal.failed("the main-chain header is refused: " + refused.reason());
        }
        if (result instanceof UpdateResult.Misbehaviour misbehaviour) {
            context.putMetadata(ChainGroupKeys.MAIN_CLIENT, misbehaviour.frozen().toJson());
            return Optional.empty();
        }
        final UpdateResult.Accepted accepted = (UpdateResult.Accepted) result;
        context.putMetadata(ChainGroupKeys.MAIN_CLIENT, accepted.next().toJson());
        context.putMetadata(ChainGroupKeys.mainHeader(height), accepted.anchor().toJson());
        return Optional.of(accepted.anchor());
    }

    /** The client as stored, or, before the first update, the one the genesis trust root gives. */
    private ClientState client(final QueryContext context) {
        return context.metadata(ChainGroupKeys.MAIN_CLIENT).map(json -> CheckedValues.stored(ClientState.fromJson(json)))
            .orElseGet(() -> CheckedValues.stored(LightClient.initial(role.mainChainId(),
                trusted(role.mainChainValidators()))));
    }

    private static Optional<Anchor> header(final QueryContext context, final long height) {
        return context.metadata(ChainGroupKeys.mainHeader(height))
            .map(json -> CheckedValues.stored(Anchor.fromJson(json)));
    }

    private static long appliedCount(final QueryContext context) {
        return context.metadata(ChainGroupKeys.APPLIED_COUNT).map(Long::parseLong).orElse(0L);
    }

    private static List<TrustedValidator> trusted(final List<Validator> validators) {
        final List<TrustedValidator> trusted = new ArrayList<>();
        validators.forEach(validator -> trusted.add(TrustedValidator.of(validator.publicKey(), validator.power())
            .orElseThrow()));
        return trusted;
    }
}
