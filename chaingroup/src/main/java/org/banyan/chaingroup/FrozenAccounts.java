package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;

/** The accounts supervision orders froze on a sub-chain, kept in the main-chain client contract's metadata. */
final class FrozenAccounts {

    private FrozenAccounts() {
    }

    /** The order that froze the account whose {@code frozen/<account>} entry is {@code entry}, if it is frozen. */
    static Optional<Long> frozenBy(final Optional<String> entry) {
        return entry.map(Json::stored).filter(state -> state.get("frozen").booleanValue())
            .map(state -> state.get("order").longValue());
    }

    /** Applies a freeze or an unfreeze of {@code account} by order {@code n}. */
    static void set(final CallContext context, final String account, final boolean frozen, final long n) {
        final List<String> accounts = list(context);
        final boolean listed = accounts.remove(account);
        if (frozen) {
            if (!listed && accounts.size() >= ChainGroupLimits.MAX_FROZEN_ACCOUNTS) {
                throw Refusal.failed("this sub-chain already keeps " + ChainGroupLimits.MAX_FROZEN_ACCOUNTS
                    + " accounts frozen, the most it can; unfreeze some first");
            }
            accounts.add(account);
        }
        final ArrayNode stored = Json.array();
        accounts.forEach(stored::add);
        context.putMetadata(ChainGroupKeys.FROZEN_ACCOUNTS, Json.write(stored));
        final ObjectNode state = Json.object().put("frozen", frozen).put("order", n);
        context.putMetadata(ChainGroupKeys.frozen(account), Json.write(state));
    }

    /** The frozen accounts, in the order they were frozen. */
    static List<String> list(final QueryContext context) {
        final List<String> accounts = new ArrayList<>();
        context.metadata(ChainGroupKeys.FROZEN_ACCOUNTS).ifPresent(text -> {
            try {
                Json.MAPPER.readTree(text).forEach(entry -> accounts.add(entry.textValue()));
            } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the stored frozen-account list is corrupt", e);
            }
        });
        return accounts;
    }
}
