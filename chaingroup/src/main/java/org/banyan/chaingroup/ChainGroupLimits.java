package org.banyan.chaingroup;

/**
 * Every cap the chain-group contracts put on their inputs and their stored lists, each with its reason. A call's input
 * is already at most 64 KiB (the ledger's cap); these keep every stored record far below the ledger's 256 KiB metadata
 * value and every list walk short.
 */
public final class ChainGroupLimits {

    /** Characters of a person's, company's or sub-chain's name: long legal names fit, essays do not. */
    public static final int MAX_NAME_CHARS = 128;

    /** Characters of an industry or chain type label such as "logistics" or "banyan-bft". */
    public static final int MAX_LABEL_CHARS = 64;

    /** Characters of an endpoint or resolver URL: a host, a port and a short path. */
    public static final int MAX_URL_CHARS = 256;

    /** Characters of a reason given for a suspension or a supervision order: one explanatory paragraph. */
    public static final int MAX_REASON_CHARS = 512;

    /**
     * Characters of the optional {@code proposal} label of a quorum call. Equal calls are one action, and an action is
     * decided once, so repeating an action (freezing an account again) needs a new label; a short tag suffices.
     */
    public static final int MAX_PROPOSAL_CHARS = 64;

    /** Initial validators of a sub-chain: a BFT set beyond 100 signers is not what a business sub-chain runs. */
    public static final int MAX_SUB_CHAIN_VALIDATORS = 100;

    /** Gateway accounts of one sub-chain: a few per backbone node, for redundancy. */
    public static final int MAX_GATEWAYS = 16;

    /**
     * Sub-chains the registry lists, so the list of AC codes stays one small metadata entry (7 bytes each, 7 KB) and a
     * {@code subChains} query one bounded walk.
     */
    public static final int MAX_SUB_CHAINS = 1000;

    /**
     * Accounts a sub-chain keeps frozen at once, so its list stays one metadata entry (about 50 bytes each, 200 KB,
     * under the ledger's 256 KiB value cap).
     */
    public static final int MAX_FROZEN_ACCOUNTS = 4000;

    /** Characters of an account address in a call: a BID with an AC code is about 45; room for longer key types. */
    public static final int MAX_ADDRESS_CHARS = 100;

    /** Characters of an encoded public key: an SM2 key is 136 hex characters. */
    public static final int MAX_PUBLIC_KEY_CHARS = 200;

    /** Characters of a base64 certified header: the light client's byte cap, times 4/3, rounded up. */
    public static final int MAX_CERTIFIED_HEADER_CHARS = (org.banyan.lightclient.Limits.MAX_CERTIFIED_HEADER_BYTES + 2) / 3 * 4;

    private ChainGroupLimits() {
    }
}
