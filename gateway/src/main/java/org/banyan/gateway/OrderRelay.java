package org.banyan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.OptionalLong;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.ChainGroupClient;
import org.banyan.sdk.SubmitResult;

/**
 * Carries the main chain's supervision orders for one sub-chain down to it. The relay is not trusted: it hands the
 * sub-chain's main-chain client contract each order with a certified main-chain header and a proof of the order's
 * entry in the chain-group contract's state, and the sub-chain's validators apply it only if both check out.
 */
final class OrderRelay {

    /** Most orders relayed in one round. */
    static final int MAX_ORDERS_PER_ROUND = 20;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GatewaySettings settings;
    private final ChainGroupClient subChain;

    OrderRelay(final GatewaySettings settings, final ChainGroupClient subChain) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.subChain = Objects.requireNonNull(subChain, "subChain");
    }

    /** Relays the orders the sub-chain has not applied yet; returns how many it submitted. */
    int relay(final ChainGroupClient main) {
        final long issued = main.query("subChain", NODES.objectNode().put("ac", settings.acCode()))
            .path("orders").asLong(0);
        final long applied = subChain.query("appliedCount", NODES.objectNode()).path("applied_orders").asLong(0);
        int relayed = 0;
        for (long n = applied + 1; n <= issued && relayed < MAX_ORDERS_PER_ROUND; n++) {
            final JsonNode proof = main.orderProof(settings.acCode(), n);
            // The sub-chain applies its next order; the proof names which entry that is.
            final ObjectNode params = NODES.objectNode()
                .put("certified_header", proof.path("certified_header").asText())
                .put("proof", proof.path("proof").asText());
            final SubmitResult result = subChain.call("applyOrder", settings.subChainKey(), params, OptionalLong.empty());
            if (!result.isAccepted()) {
                throw new BanyanException(result.errorCode(), "the sub-chain refused order " + n + ": "
                    + result.errorDesc());
            }
            subChain.client().waitForCommit(result.hash(), DataGateway.COMMIT_WAIT);
            relayed++;
        }
        return relayed;
    }
}
