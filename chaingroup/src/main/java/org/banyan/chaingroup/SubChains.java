package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.Hex;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.Validator;
import org.banyan.lightclient.Anchor;
import org.banyan.lightclient.ClientState;
import org.banyan.lightclient.LightClient;
import org.banyan.lightclient.TrustedValidator;

/** Sub-chain registration: an approved backbone node applies with an AC code, a quorum issues it, then the lifecycle. */
final class SubChains {

    private SubChains() {
    }

    /** {@code applySubChain {…}}: application PENDING, its AC code reserved. */
    static void apply(final CallContext context, final Call call) {
        call.only("ac", "name", "industry", "chain_type", "chain_id", "genesis_hash", "validators", "gateways",
            "endpoint", "resolver_url");
        final String applicant = context.sourceAddress();
        if (Backbones.approvedFor(context, applicant).isEmpty()) {
            throw Refusal.denied("only an approved backbone node (its node BID or its enterprise BID) may apply for a"
                + " sub-chain, and " + applicant + " is not one");
        }
        final String ac = call.acCode("ac");
        final SubChain applied = new SubChain(ac, call.text("name", ChainGroupLimits.MAX_NAME_CHARS),
            call.text("industry", ChainGroupLimits.MAX_LABEL_CHARS),
            call.text("chain_type", ChainGroupLimits.MAX_LABEL_CHARS), call.number("chain_id", 0, Long.MAX_VALUE),
            call.hash("genesis_hash"), call.validators("validators", ChainGroupLimits.MAX_SUB_CHAIN_VALIDATORS),
            call.addresses("gateways", ChainGroupLimits.MAX_GATEWAYS), call.text("endpoint", ChainGroupLimits.MAX_URL_CHARS),
            call.text("resolver_url", ChainGroupLimits.MAX_URL_CHARS), applicant, SubChainStatus.PENDING, List.of(), "",
            0);
        trusted(applied.validators());
        final Optional<SubChain> existing = find(context, ac);
        if (existing.isPresent() && existing.get().status() != SubChainStatus.REJECTED) {
            throw Refusal.failed("the AC code '" + ac + "' is taken: its sub-chain is " + existing.get().status());
        }
        if (existing.isEmpty()) {
            final List<String> codes = codes(context);
            if (codes.size() >= ChainGroupLimits.MAX_SUB_CHAINS) {
                throw Refusal.failed("the registry holds " + ChainGroupLimits.MAX_SUB_CHAINS
                    + " sub-chains, the most it lists");
            }
            codes.add(ac);
            final ArrayNode list = Json.array();
            codes.forEach(list::add);
            context.putMetadata(ChainGroupKeys.SUB_CHAINS, Json.write(list));
        }
        put(context, applied);
    }

    /** {@code approveSubChain {ac}}: ACTIVE, AC code issued, approvers recorded, light client initialised. */
    static void approve(final CallContext context, final Call call) {
        call.only("ac", "proposal");
        final SubChain subChain = inStatus(context, call, SubChainStatus.PENDING);
        final Quorum.Tally tally = Quorum.vote(context, call);
        if (tally.decided()) {
            put(context, subChain.issued(tally.voters(), context.ledgerSeq()));
            final ClientState client = LightClient.initial(subChain.chainId(), trusted(subChain.validators()))
                .orElseThrow();
            context.putMetadata(ChainGroupKeys.client(subChain.ac()), client.toJson());
        }
    }

    /** {@code rejectSubChain {ac}}: REJECTED, the AC code free again. */
    static void reject(final CallContext context, final Call call) {
        call.only("ac", "proposal");
        move(context, call, SubChainStatus.PENDING, SubChainStatus.REJECTED, "");
    }

    /** {@code suspendSubChain {ac, reason}}: SUSPENDED, anchors refused. */
    static void suspend(final CallContext context, final Call call) {
        call.only("ac", "reason", "proposal");
        final String reason = call.text("reason", ChainGroupLimits.MAX_REASON_CHARS);
        move(context, call, SubChainStatus.ACTIVE, SubChainStatus.SUSPENDED, reason);
    }

    /** {@code resumeSubChain {ac}}: ACTIVE again. */
    static void resume(final CallContext context, final Call call) {
        call.only("ac", "proposal");
        move(context, call, SubChainStatus.SUSPENDED, SubChainStatus.ACTIVE, "");
    }

    /** The quorum vote of a lifecycle call that moves a sub-chain in status {@code from} to {@code to}. */
    private static void move(final CallContext context, final Call call, final SubChainStatus from,
                             final SubChainStatus to, final String reason) {
        final SubChain subChain = inStatus(context, call, from);
        if (Quorum.vote(context, call).decided()) {
            put(context, subChain.withStatus(to, reason));
        }
    }

    /** {@code retireSubChain {ac}}: RETIRED for good, from ACTIVE or SUSPENDED. */
    static void retire(final CallContext context, final Call call) {
        call.only("ac", "proposal");
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final String ac = call.acCode("ac");
        final SubChain subChain = require(context, ac);
        if (subChain.status() != SubChainStatus.ACTIVE && subChain.status() != SubChainStatus.SUSPENDED) {
            throw Refusal.failed("the sub-chain '" + ac + "' is " + subChain.status() + "; only an ACTIVE or SUSPENDED"
                + " sub-chain can be retired");
        }
        if (Quorum.vote(context, call).decided()) {
            put(context, subChain.withStatus(SubChainStatus.RETIRED, ""));
        }
    }

    /** {@code subChain {ac}}: the registration with its anchoring state. */
    static String query(final QueryContext context, final Call call) {
        call.only("ac");
        return Json.write(summary(context, require(context, call.acCode("ac"))));
    }

    /** {@code subChains}: every registration, in application order. */
    static String list(final QueryContext context, final Call call) {
        call.only();
        final ArrayNode list = Json.array();
        codes(context).forEach(ac -> list.add(summary(context, require(context, ac))));
        return Json.write(list);
    }

    static Optional<SubChain> find(final QueryContext context, final String ac) {
        return context.metadata(ChainGroupKeys.subChain(ac)).map(Json::stored).map(SubChain::fromJson);
    }

    static SubChain require(final QueryContext context, final String ac) {
        return find(context, ac).orElseThrow(() -> Refusal.missing("no sub-chain has the AC code '" + ac + "'"));
    }

    static void put(final CallContext context, final SubChain subChain) {
        context.putMetadata(ChainGroupKeys.subChain(subChain.ac()), Json.write(subChain.toJson()));
    }

    /** The light client's view of {@code validators}, refused when they do not form a valid consensus set. */
    static List<TrustedValidator> trusted(final List<Validator> validators) {
        final List<TrustedValidator> trusted = new ArrayList<>();
        for (final Validator validator : validators) {
            trusted.add(TrustedValidator.of(validator.publicKey(), validator.power()).orElseThrow());
        }
        if (LightClient.initial(0, trusted) instanceof org.banyan.lightclient.Checked.Invalid<ClientState> invalid) {
            throw Refusal.invalid("the validators are not a valid consensus set: " + invalid.reason());
        }
        return trusted;
    }

    /** The sub-chain a lifecycle call names, refused unless it is in {@code status}. */
    private static SubChain inStatus(final CallContext context, final Call call, final SubChainStatus status) {
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final String ac = call.acCode("ac");
        final SubChain subChain = require(context, ac);
        if (subChain.status() != status) {
            throw Refusal.failed("the sub-chain '" + ac + "' is " + subChain.status() + ", not " + status);
        }
        return subChain;
    }

    private static List<String> codes(final QueryContext context) {
        final List<String> codes = new ArrayList<>();
        context.metadata(ChainGroupKeys.SUB_CHAINS).ifPresent(text -> {
            try {
                Json.MAPPER.readTree(text).forEach(entry -> codes.add(entry.textValue()));
            } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the stored sub-chain list is corrupt", e);
            }
        });
        return codes;
    }

    private static ObjectNode summary(final QueryContext context, final SubChain subChain) {
        final ObjectNode json = subChain.toJson();
        final Optional<Anchor> latest = Anchoring.latest(context, subChain.ac());
        json.put("anchored_height", latest.map(Anchor::height).orElse(0L));
        json.put("anchored_hash", latest.map(anchor -> Hex.encode(anchor.blockId().bytes().toByteArray())).orElse(""));
        json.put("anchored_ledger_hash", latest.map(anchor -> Hex.encode(anchor.ledgerHash().toByteArray())).orElse(""));
        json.put("orders", Supervision.count(context, subChain.ac()));
        Anchoring.client(context, subChain.ac()).flatMap(ClientState::frozen)
            .ifPresent(frozen -> json.put("frozen", frozen.reason()));
        context.metadata(ChainGroupKeys.status(subChain.ac())).map(Json::stored)
            .ifPresent(status -> json.set("reported_status", status));
        return json;
    }
}
