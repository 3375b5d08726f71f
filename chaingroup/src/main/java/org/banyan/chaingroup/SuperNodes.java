package org.banyan.chaingroup;

import java.util.ArrayList;
import java.util.List;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.Limits;
import org.banyan.ledger.Validator;

/**
 * Admission and removal of super nodes, the main chain's validators, by quorum. A decided change schedules the new
 * set from the latest scheduled one, so two changes decided close together both count; it runs from h + 2.
 */
final class SuperNodes {

    private SuperNodes() {
    }

    /** {@code admitSuperNode {public_key, power, proposal?}}. */
    static void admit(final CallContext context, final Call call) {
        call.only("public_key", "power", "proposal");
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final Validator admitted = call.validator("params", Json.object()
            .put("public_key", call.text("public_key", ChainGroupLimits.MAX_PUBLIC_KEY_CHARS))
            .put("power", call.number("power", 1, Limits.MAX_VALIDATOR_POWER)));
        final List<Validator> latest = context.latestValidators();
        if (latest.stream().anyMatch(validator -> validator.publicKey().equals(admitted.publicKey()))) {
            throw Refusal.failed("the super node " + admitted.publicKey() + " is already a validator");
        }
        if (latest.size() >= Limits.MAX_VALIDATORS) {
            throw Refusal.failed("the main chain already has " + Limits.MAX_VALIDATORS + " validators, the most allowed");
        }
        if (Quorum.vote(context, call).decided()) {
            final List<Validator> next = new ArrayList<>(latest);
            next.add(admitted);
            context.scheduleValidators(next);
        }
    }

    /** {@code removeSuperNode {public_key, proposal?}}. */
    static void remove(final CallContext context, final Call call) {
        call.only("public_key", "proposal");
        call.optionalText("proposal", ChainGroupLimits.MAX_PROPOSAL_CHARS);
        final String publicKey = call.text("public_key", ChainGroupLimits.MAX_PUBLIC_KEY_CHARS);
        final List<Validator> latest = context.latestValidators();
        final List<Validator> next = latest.stream()
            .filter(validator -> !validator.publicKey().equalsIgnoreCase(publicKey)).toList();
        if (next.size() == latest.size()) {
            throw Refusal.failed("the super node " + publicKey + " is not a validator");
        }
        if (next.isEmpty()) {
            throw Refusal.failed("the last super node cannot be removed: the main chain needs a validator");
        }
        if (Quorum.vote(context, call).decided()) {
            context.scheduleValidators(next);
        }
    }
}
