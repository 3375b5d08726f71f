package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;
import org.banyan.lightclient.Anchor;
import org.banyan.lightclient.ClientState;
import org.banyan.lightclient.LightClient;
import org.banyan.lightclient.UpdateResult;
import org.banyan.protocol.chaingroup.CertifiedHeader;

/**
 * Anchoring of sub-chains on the main chain: a gateway submits a certified header, the sub-chain's light client checks
 * it (design section 2), and the accepted anchor is stored under {@code anchor/<ac>/<height>}.
 */
final class Anchoring {

    /** Heights and counts a gateway reports: any non-negative 64-bit number a chain could reach. */
    private static final long MAX_REPORTED = Long.MAX_VALUE;

    private Anchoring() {
    }

    /**
     * {@code anchor {ac, certified_header, status: {height, tx_count, nodes}}} by a gateway of an ACTIVE sub-chain.
     * Misbehaviour (a second certified block at an anchored height) freezes the client and records the evidence; the
     * call then succeeds, since a failed call would discard the freeze with the rest of its writes.
     */
    static void anchor(final CallContext context, final Call call) {
        call.only("ac", "certified_header", "status");
        final String ac = call.acCode("ac");
        final SubChain subChain = SubChains.require(context, ac);
        if (!subChain.gateways().contains(context.sourceAddress())) {
            throw Refusal.denied(context.sourceAddress() + " is not a gateway of the sub-chain '" + ac + "'");
        }
        if (subChain.status() != SubChainStatus.ACTIVE) {
            throw Refusal.failed("the sub-chain '" + ac + "' is " + subChain.status() + ": its anchors are refused"
                + (subChain.statusReason().isEmpty() ? "" : " (" + subChain.statusReason() + ")"));
        }
        final ObjectNode status = status(call);
        final ClientState client = client(context, ac).orElseThrow(() -> new IllegalStateException(
            "the ACTIVE sub-chain '" + ac + "' has no light client"));
        if (client.frozen().isPresent()) {
            throw Refusal.failed("the light client of the sub-chain '" + ac + "' is frozen: "
                + client.frozen().get().reason());
        }
        final CertifiedHeader certified = CheckedValues.input(LightClient.decodeCertifiedHeader(
            call.text("certified_header", ChainGroupLimits.MAX_CERTIFIED_HEADER_CHARS)));
        final UpdateResult result = LightClient.update(client, certified, height -> anchorAt(context, ac, height));
        if (result instanceof UpdateResult.Refused refused) {
            throw Refusal.failed("the anchor of the sub-chain '" + ac + "' is refused: " + refused.reason());
        }
        if (result instanceof UpdateResult.Misbehaviour misbehaviour) {
            context.putMetadata(ChainGroupKeys.client(ac), misbehaviour.frozen().toJson());
            return;
        }
        final UpdateResult.Accepted accepted = (UpdateResult.Accepted) result;
        context.putMetadata(ChainGroupKeys.client(ac), accepted.next().toJson());
        final Anchor anchor = accepted.anchor();
        context.putMetadata(ChainGroupKeys.anchor(ac, anchor.height()), anchor.toJson());
        context.putMetadata(ChainGroupKeys.latestAnchor(ac), Long.toString(anchor.height()));
        context.putMetadata(ChainGroupKeys.status(ac), Json.write(status.put("anchored_height", anchor.height())
            .put("anchored_at", context.ledgerSeq())));
    }

    /** {@code resetClient {ac, validators, height, proposal?}}: a quorum recovers a frozen or lost client. */
    static void reset(final CallContext context, final Call call) {
        call.only("ac", "validators", "height", "proposal");
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final String ac = call.acCode("ac");
        final SubChain subChain = SubChains.require(context, ac);
        final ClientState client = client(context, ac).orElseThrow(() -> Refusal.failed("the sub-chain '" + ac
            + "' is " + subChain.status() + " and has no light client to reset"));
        final var validators = SubChains.trusted(call.validators("validators",
            ChainGroupLimits.MAX_SUB_CHAIN_VALIDATORS));
        final long height = call.number("height", 0, Long.MAX_VALUE);
        final ClientState reset = CheckedValues.input(LightClient.reset(client, validators, height));
        if (Quorum.vote(context, call).decided()) {
            context.putMetadata(ChainGroupKeys.client(ac), reset.toJson());
        }
    }

    /** {@code anchor {ac, height?}}: the anchor at that height, or the latest one. */
    static String query(final QueryContext context, final Call call) {
        call.only("ac", "height");
        final String ac = call.acCode("ac");
        SubChains.require(context, ac);
        final Optional<Anchor> anchor = call.params().has("height")
            ? anchorAt(context, ac, call.number("height", 1, Long.MAX_VALUE)) : latest(context, ac);
        return anchor.map(Anchor::toJson).orElseThrow(() -> Refusal.missing("the sub-chain '" + ac + "' has no anchor"
            + (call.params().has("height") ? " at height " + call.params().get("height").asLong() : " yet")));
    }

    static Optional<ClientState> client(final QueryContext context, final String ac) {
        return context.metadata(ChainGroupKeys.client(ac))
            .map(json -> CheckedValues.stored(ClientState.fromJson(json)));
    }

    static Optional<Anchor> latest(final QueryContext context, final String ac) {
        return context.metadata(ChainGroupKeys.latestAnchor(ac))
            .flatMap(height -> anchorAt(context, ac, Long.parseLong(height)));
    }

    private static Optional<Anchor> anchorAt(final QueryContext context, final String ac, final long height) {
        return context.metadata(ChainGroupKeys.anchor(ac, height))
            .map(json -> CheckedValues.stored(Anchor.fromJson(json)));
    }

    private static ObjectNode status(final Call call) {
        final ObjectNode reported = call.object("status");
        final Call status = new Call("anchor status", reported).only("height", "tx_count", "nodes");
        return Json.object().put("height", status.number("height", 0, MAX_REPORTED))
            .put("tx_count", status.number("tx_count", 0, MAX_REPORTED))
            .put("nodes", status.number("nodes", 0, MAX_REPORTED));
    }
}
