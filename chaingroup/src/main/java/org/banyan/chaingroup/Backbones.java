package org.banyan.chaingroup;

import java.util.Optional;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;

/** Backbone node applications: a node applies with its node BID, its enterprise BID and a documents hash; a quorum reviews. */
final class Backbones {

    private Backbones() {
    }

    /** {@code applyBackbone {node_bid, enterprise_bid, documents_hash}}: application PENDING. */
    static void apply(final CallContext context, final Call call) {
        call.only("node_bid", "enterprise_bid", "documents_hash");
        final String nodeBid = call.address("node_bid");
        final String enterpriseBid = call.address("enterprise_bid");
        final String documentsHash = call.hash("documents_hash");
        final String applicant = context.sourceAddress();
        if (!applicant.equals(nodeBid) && !applicant.equals(enterpriseBid)) {
            throw Refusal.denied("a backbone application is sent by its node BID or its enterprise BID, not by "
                + applicant);
        }
        final Optional<BackboneApplication> existing = find(context, nodeBid);
        if (existing.isPresent() && existing.get().status() != ApplicationStatus.REJECTED) {
            throw Refusal.failed("the backbone node " + nodeBid + " has already applied and is "
                + existing.get().status());
        }
        for (final String account : new String[] {nodeBid, enterpriseBid}) {
            final Optional<String> named = context.metadata(ChainGroupKeys.backboneOf(account));
            if (named.isPresent() && !named.get().equals(nodeBid)) {
                throw Refusal.failed(account + " already belongs to the backbone node " + named.get());
            }
        }
        put(context, new BackboneApplication(nodeBid, enterpriseBid, documentsHash, applicant,
            ApplicationStatus.PENDING, context.ledgerSeq()));
        context.putMetadata(ChainGroupKeys.backboneOf(nodeBid), nodeBid);
        context.putMetadata(ChainGroupKeys.backboneOf(enterpriseBid), nodeBid);
    }

    /** {@code approveBackbone {node_bid}} or {@code rejectBackbone {node_bid}}: a quorum decides a PENDING application. */
    static void review(final CallContext context, final Call call, final ApplicationStatus decision) {
        call.only("node_bid", "proposal");
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final String nodeBid = call.address("node_bid");
        final BackboneApplication application = find(context, nodeBid)
            .orElseThrow(() -> Refusal.missing("the backbone node " + nodeBid + " has not applied"));
        if (application.status() != ApplicationStatus.PENDING) {
            throw Refusal.failed("the application of " + nodeBid + " is " + application.status() + ", not PENDING");
        }
        if (Quorum.vote(context, call).decided()) {
            put(context, application.withStatus(decision, context.ledgerSeq()));
        }
    }

    /** {@code backbone {node_bid}}. */
    static String query(final QueryContext context, final Call call) {
        call.only("node_bid");
        final String nodeBid = call.address("node_bid");
        return find(context, nodeBid).map(found -> Json.write(found.toJson()))
            .orElseThrow(() -> Refusal.missing("the backbone node " + nodeBid + " has not applied"));
    }

    /** The APPROVED backbone node that {@code account} is the node or enterprise BID of. */
    static Optional<BackboneApplication> approvedFor(final QueryContext context, final String account) {
        return context.metadata(ChainGroupKeys.backboneOf(account)).flatMap(nodeBid -> find(context, nodeBid))
            .filter(application -> application.status() == ApplicationStatus.APPROVED);
    }

    private static Optional<BackboneApplication> find(final QueryContext context, final String nodeBid) {
        return context.metadata(ChainGroupKeys.backbone(nodeBid)).map(Json::stored).map(BackboneApplication::fromJson);
    }

    private static void put(final CallContext context, final BackboneApplication application) {
        context.putMetadata(ChainGroupKeys.backbone(application.nodeBid()), Json.write(application.toJson()));
    }
}
