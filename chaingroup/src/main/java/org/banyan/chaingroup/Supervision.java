package org.banyan.chaingroup;

import java.util.Optional;
import org.banyan.crypto.Address;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;

/**
 * Supervision orders: a quorum publishes order n (1, 2, …) for a sub-chain under {@code order/<ac>/<n>}, written once,
 * which the sub-chain applies after proving it against its light client of the main chain.
 */
final class Supervision {

    private Supervision() {
    }

    /** {@code issueOrder {ac, kind, account, reason, proposal?}}. */
    static void issue(final CallContext context, final Call call) {
        call.only("ac", "kind", "account", "reason", "proposal");
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final String ac = call.acCode("ac");
        final OrderKind kind = OrderKind.fromJson(call.choice("kind", OrderKind.FREEZE_ACCOUNT.jsonName(),
            OrderKind.UNFREEZE_ACCOUNT.jsonName())).orElseThrow();
        final String account = call.address("account");
        final String reason = call.text("reason", ChainGroupLimits.MAX_REASON_CHARS);
        final SubChain subChain = SubChains.require(context, ac);
        if (subChain.status() == SubChainStatus.PENDING || subChain.status() == SubChainStatus.REJECTED) {
            throw Refusal.failed("the sub-chain '" + ac + "' is " + subChain.status() + "; orders go to sub-chains"
                + " whose AC code was issued");
        }
        if (!Address.parse(account).acCode().equals(Optional.of(ac))) {
            throw Refusal.invalid("the account " + account + " is not an account of the sub-chain '" + ac
                + "' (did:bid:" + ac + ":…)");
        }
        if (Quorum.vote(context, call).decided()) {
            final long n = count(context, ac) + 1;
            context.putMetadata(ChainGroupKeys.order(ac, n),
                new SupervisionOrder(ac, n, kind, account, reason, context.ledgerSeq()).toJson());
            context.putMetadata(ChainGroupKeys.orderCount(ac), Long.toString(n));
        }
    }

    /** {@code order {ac, n}}. */
    static String query(final QueryContext context, final Call call) {
        call.only("ac", "n");
        final String ac = call.acCode("ac");
        final long n = call.number("n", 1, Long.MAX_VALUE);
        return context.metadata(ChainGroupKeys.order(ac, n))
            .orElseThrow(() -> Refusal.missing("the sub-chain '" + ac + "' has no order " + n + "; it has "
                + count(context, ac)));
    }

    static long count(final QueryContext context, final String ac) {
        return context.metadata(ChainGroupKeys.orderCount(ac)).map(Long::parseLong).orElse(0L);
    }
}
