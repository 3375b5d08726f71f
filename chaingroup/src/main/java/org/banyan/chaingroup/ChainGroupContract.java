package org.banyan.chaingroup;

import org.banyan.lightclient.ChainGroupEntries;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;

/**
 * The main chain's chain-group system contract (design section 3): certification of accounts, super-node admission,
 * backbone applications, sub-chain registration with AC codes and its lifecycle, anchoring through each sub-chain's
 * light client, and supervision orders. Called like the other system contracts with
 * {@code {"method": …, "params": {…}}}; its state is its own metadata ({@link ChainGroupKeys}). Quorum methods are
 * votes of the super nodes ({@link Quorum}). It must be registered with
 * {@link org.banyan.ledger.SystemContractCapability#SCHEDULE_VALIDATORS}, which super-node admission uses.
 */
public final class ChainGroupContract extends JsonContract {

    /** The contract's address: derived from a fixed tag, so no key controls it. */
    public static final String ADDRESS = ChainGroupEntries.CHAIN_GROUP_CONTRACT;

    /** The method a gated main chain lets any account call: see {@link MainChainGate}. */
    public static final String REQUEST_CERTIFICATION = "requestCertification";

    /** The contract, the same on every main chain: its state is its account's metadata. */
    public ChainGroupContract() {
        super(ADDRESS);
    }

    @Override
    void handle(final CallContext context, final Call call) {
        switch (call.method()) {
            case REQUEST_CERTIFICATION -> Certifications.request(context, call);
            case "certify" -> Certifications.certify(context, call);
            case "admitSuperNode" -> SuperNodes.admit(context, call);
            case "removeSuperNode" -> SuperNodes.remove(context, call);
            case "applyBackbone" -> Backbones.apply(context, call);
            case "approveBackbone" -> Backbones.review(context, call, ApplicationStatus.APPROVED);
            case "rejectBackbone" -> Backbones.review(context, call, ApplicationStatus.REJECTED);
            case "applySubChain" -> SubChains.apply(context, call);
            case "approveSubChain" -> SubChains.approve(context, call);
            case "rejectSubChain" -> SubChains.reject(context, call);
            case "suspendSubChain" -> SubChains.suspend(context, call);
            case "resumeSubChain" -> SubChains.resume(context, call);
            case "retireSubChain" -> SubChains.retire(context, call);
            case "anchor" -> Anchoring.anchor(context, call);
            case "issueOrder" -> Supervision.issue(context, call);
            case "resetClient" -> Anchoring.reset(context, call);
            default -> throw Refusal.invalid("the chain-group contract has no method '" + call.method() + "'");
        }
    }

    @Override
    String answer(final QueryContext context, final Call call) {
        return switch (call.method()) {
            case "subChains" -> SubChains.list(context, call);
            case "subChain" -> SubChains.query(context, call);
            case "anchor" -> Anchoring.query(context, call);
            case "certification" -> Certifications.query(context, call);
            case "backbone" -> Backbones.query(context, call);
            case "order" -> Supervision.query(context, call);
            default -> throw Refusal.invalid("the chain-group contract answers no query '" + call.method() + "'");
        };
    }
}
