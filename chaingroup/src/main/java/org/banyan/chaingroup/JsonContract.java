package org.banyan.chaingroup;

import org.banyan.ledger.CallContext;
import org.banyan.ledger.CallResult;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.SystemContract;

/**
 * The boundary every chain-group contract shares: it parses the JSON call {@code {"method": …, "params": {…}}},
 * hands it to the contract's handler, and turns a {@link Refusal} into a failed call or query, so handlers only check
 * and throw.
 */
abstract class JsonContract implements SystemContract {

    private final String address;

    JsonContract(final String address) {
        this.address = address;
    }

    @Override
    public final String address() {
        return address;
    }

    @Override
    public final CallResult call(final CallContext context) {
        try {
            handle(context, Call.parse(context.input()));
            return CallResult.success();
        } catch (final Refusal refusal) {
            return CallResult.failure(refusal.code(), refusal.getMessage());
        }
    }

    @Override
    public final Outcome<String> query(final QueryContext context) {
        try {
            return Outcome.ok(answer(context, Call.parse(context.input())));
        } catch (final Refusal refusal) {
            return Outcome.failed(refusal.code(), refusal.getMessage());
        }
    }

    /** Runs one call, refusing by throwing; the call succeeds when this returns. */
    abstract void handle(CallContext context, Call call);

    /** The answer to one query, refusing by throwing. */
    abstract String answer(QueryContext context, Call call);
}
