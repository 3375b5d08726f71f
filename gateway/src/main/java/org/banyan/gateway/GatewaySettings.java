package org.banyan.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.banyan.crypto.BidSyntax;
import org.banyan.sdk.KeyFile;

/**
 * What a backbone node's data gateway needs: where its sub-chain and the main chain answer, the sub-chain's AC code,
 * the gateway's keys on both chains (the account the main chain registered as this sub-chain's gateway, and the
 * account that relays supervision orders on the sub-chain), and how often to anchor.
 *
 * @param anchorEvery anchor heights divisible by this (1: every block); a height where the sub-chain's validator set
 *     changes is always anchored, because the main chain's light client cannot follow the change otherwise
 */
public record GatewaySettings(String subChainUrl, List<String> mainChainUrls, String acCode, KeyFile mainChainKey,
                              KeyFile subChainKey, int anchorEvery, Duration pollInterval) {

    /** Most anchors submitted in one round, so that a gateway far behind catches up in bounded steps. */
    public static final int MAX_ANCHORS_PER_ROUND = 50;

    /** Longest allowed {@code anchorEvery}: anchors further apart leave proofs of recent blocks unavailable for long. */
    public static final int MAX_ANCHOR_EVERY = 10_000;

    public GatewaySettings {
        Objects.requireNonNull(subChainUrl, "subChainUrl");
        Objects.requireNonNull(acCode, "acCode");
        if (!BidSyntax.isAcCode(acCode)) {
            throw new IllegalArgumentException("ac_code must be an AC code of 4 lower-case letters or digits, got '"
                + acCode + "'");
        }
        Objects.requireNonNull(mainChainKey, "mainChainKey");
        Objects.requireNonNull(subChainKey, "subChainKey");
        Objects.requireNonNull(pollInterval, "pollInterval");
        mainChainUrls = List.copyOf(mainChainUrls);
        if (mainChainUrls.isEmpty()) {
            throw new IllegalArgumentException("the gateway needs at least one main-chain node URL");
        }
        if (anchorEvery < 1 || anchorEvery > MAX_ANCHOR_EVERY) {
            throw new IllegalArgumentException("anchor_every must be 1 to " + MAX_ANCHOR_EVERY + ", got " + anchorEvery);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the gateway's poll interval must be positive");
        }
    }
}
