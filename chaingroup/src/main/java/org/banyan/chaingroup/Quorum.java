package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;
import org.banyan.ledger.Validator;

/**
 * Quorum actions of the super nodes. Each call of a quorum method is one super node's vote for the action it names (the
 * method and its canonical params, optional {@code proposal} label included); the action is decided in the ledger where
 * the voters still in the current validator set hold more than 2/3 of its power. Votes are stored under
 * {@code vote/<action id>}; a second vote by the same node, or any vote once the action is decided, is refused.
 */
final class Quorum {

    /** What one vote did: whether it decided the action, and who had voted for it then. */
    record Tally(boolean decided, List<String> voters) {
    }

    private Quorum() {
    }

    /** Whether {@code address} is a super node: the address of a validator of the current ledger. */
    static boolean isSuperNode(final QueryContext context, final String address) {
        return context.validators().stream().anyMatch(validator -> validator.address().equals(address));
    }

    /** Records the caller's vote for {@code call}; the caller must be a super node. */
    static Tally vote(final CallContext context, final Call call) {
        final String voter = context.sourceAddress();
        if (!isSuperNode(context, voter)) {
            throw Refusal.denied(call.method() + " is a quorum action: only super nodes (the current validators) vote"
                + " on it, and " + voter + " is not one");
        }
        final String actionId = actionId(call);
        final String key = ChainGroupKeys.vote(actionId);
        final ObjectNode action = context.metadata(key).map(Json::stored).orElseGet(() -> {
            final ObjectNode fresh = Json.object().put("method", call.method());
            fresh.set("params", call.params());
            fresh.putArray("voters");
            return fresh;
        });
        if (action.has("decided_at")) {
            throw Refusal.failed("the action " + call.method() + " " + Json.canonical(call.params())
                + " was already decided in ledger " + action.get("decided_at").longValue()
                + "; to propose it again, give it a new 'proposal' label");
        }
        final List<String> voters = new ArrayList<>();
        action.get("voters").forEach(entry -> voters.add(entry.textValue()));
        if (voters.contains(voter)) {
            throw Refusal.failed(voter + " has already voted for " + call.method() + " " + Json.canonical(call.params()));
        }
        voters.add(voter);
        final boolean decided = decides(context.validators(), voters);
        final ArrayNode stored = action.putArray("voters");
        voters.forEach(stored::add);
        if (decided) {
            action.put("decided_at", context.ledgerSeq());
        }
        context.putMetadata(key, Json.write(action));
        return new Tally(decided, voters);
    }

    /** More than 2/3 of the power of {@code validators} is held by {@code voters}; voters no longer in the set count 0. */
    static boolean decides(final List<Validator> validators, final List<String> voters) {
        long total = 0;
        long voted = 0;
        for (final Validator validator : validators) {
            total += validator.power();
            if (voters.contains(validator.address())) {
                voted += validator.power();
            }
        }
        return voted * 3 > total * 2;
    }

    private static String actionId(final Call call) {
        return Hex.encode(Hashes.sha256((call.method() + "\n" + Json.canonical(call.params()))
            .getBytes(StandardCharsets.UTF_8)));
    }
}
