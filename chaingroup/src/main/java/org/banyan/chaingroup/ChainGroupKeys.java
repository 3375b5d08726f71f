package org.banyan.chaingroup;

/**
 * The metadata layout of the chain-group contracts, in one place. Every value is JSON written by the contract itself.
 *
 * <p>The main chain's chain-group contract account ({@link ChainGroupContract#ADDRESS}):
 * <ul>
 *   <li>{@code cert/<account>}: the account's certification ({@link Certification})</li>
 *   <li>{@code vote/<action id>}: a quorum action, its voters and, once decided, the ledger that decided it; the id is
 *       the SHA-256 hex of the method and its canonical params ({@link Quorum})</li>
 *   <li>{@code backbone/<node bid>}: a backbone node application ({@link BackboneApplication})</li>
 *   <li>{@code backbone-of/<account>}: the node BID whose application names this account as node or enterprise</li>
 *   <li>{@code subchain/<ac>}: a sub-chain registration ({@link SubChain}); {@code subchains}: the AC codes in order</li>
 *   <li>{@code client/<ac>}: the light client of that sub-chain ({@code ClientState} JSON)</li>
 *   <li>{@code anchor/<ac>/<height>}: an accepted anchor ({@code Anchor} JSON); {@code anchor/<ac>/latest}: its height;
 *       {@code status/<ac>}: the status the gateway reported with the latest anchor</li>
 *   <li>{@code order/<ac>/<n>}: supervision order n (from 1) of that sub-chain ({@link SupervisionOrder}), written once
 *       so a sub-chain can prove it at any later height; {@code order/<ac>/count}: the last n</li>
 * </ul>
 *
 * <p>A sub-chain's main-chain client contract account ({@link MainChainClientContract#ADDRESS}):
 * <ul>
 *   <li>{@code client}: the light client of the main chain ({@code ClientState} JSON)</li>
 *   <li>{@code header/<height>}: a verified main-chain header ({@code Anchor} JSON), whose state root proves orders</li>
 *   <li>{@code applied/<n>}: the applied order n with the ledger that applied it; {@code applied/count}: the last n</li>
 *   <li>{@code frozen/<account>}: the order that froze or unfroze the account ({@code {"frozen": …, "order": n}});
 *       {@code frozen}: the frozen accounts, in the order they were frozen</li>
 * </ul>
 */
public final class ChainGroupKeys {

    private ChainGroupKeys() {
    }

    static String certification(final String account) {
        return "cert/" + account;
    }

    static String vote(final String actionId) {
        return "vote/" + actionId;
    }

    static String backbone(final String nodeBid) {
        return "backbone/" + nodeBid;
    }

    static String backboneOf(final String account) {
        return "backbone-of/" + account;
    }

    static final String SUB_CHAINS = "subchains";

    static String subChain(final String ac) {
        return "subchain/" + ac;
    }

    static String client(final String ac) {
        return "client/" + ac;
    }

    /** The key of the anchor of sub-chain {@code ac} at {@code height}: what a proof of a sub-chain fact starts from. */
    public static String anchor(final String ac, final long height) {
        return org.banyan.lightclient.ChainGroupEntries.anchor(ac, height);
    }

    static String latestAnchor(final String ac) {
        return "anchor/" + ac + "/latest";
    }

    static String status(final String ac) {
        return "status/" + ac;
    }

    /** The key of order {@code n} of sub-chain {@code ac}: what a sub-chain proves against the main chain. */
    public static String order(final String ac, final long n) {
        return org.banyan.lightclient.ChainGroupEntries.order(ac, n);
    }

    static String orderCount(final String ac) {
        return "order/" + ac + "/count";
    }

    static final String MAIN_CLIENT = "client";

    static String mainHeader(final long height) {
        return "header/" + height;
    }

    static String applied(final long n) {
        return "applied/" + n;
    }

    static final String APPLIED_COUNT = "applied/count";

    static String frozen(final String account) {
        return "frozen/" + account;
    }

    static final String FROZEN_ACCOUNTS = "frozen";
}
