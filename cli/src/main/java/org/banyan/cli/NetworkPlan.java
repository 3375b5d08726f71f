package org.banyan.cli;

import org.banyan.ledger.Limits;

/**
 * The shape of a loopback network that {@code banyan genesis} lays out: how many validators and observers, the chain
 * id, and the ports. Node {@code i} serves HTTP on {@code basePort + 2i} and p2p on {@code basePort + 2i + 1}; the
 * validators come first.
 */
record NetworkPlan(int validators, int observers, int basePort, long chainId) {

    /** The default first port: clear of {@code banyan dev}'s 19333 and of BIF's own default ports. */
    static final int DEFAULT_BASE_PORT = 19400;

    /** The default chain id, the dev chain's, which the official SDK examples assume. */
    static final long DEFAULT_CHAIN_ID = 1;

    /** Validators at most: the ledger's own cap on a validator set. */
    static final int MAX_VALIDATORS = Limits.MAX_VALIDATORS;

    /** Nodes at most: every node dials every other, and the p2p layer dials at most 256 peers. */
    static final int MAX_NODES = 257;

    /** Ports each node uses: HTTP, then p2p. */
    static final int PORTS_PER_NODE = 2;

    /** The highest TCP port. */
    static final int MAX_PORT = 65_535;

    /** Checks the counts, the chain id and that every port fits. */
    NetworkPlan {
        if (validators < 1 || validators > MAX_VALIDATORS) {
            throw new IllegalArgumentException("--validators must be from 1 to " + MAX_VALIDATORS + " but is " + validators);
        }
        if (observers < 0) {
            throw new IllegalArgumentException("--observers must not be negative but is " + observers);
        }
        if (validators + observers > MAX_NODES) {
            throw new IllegalArgumentException("a network may have at most " + MAX_NODES + " nodes (validators plus "
                    + "observers) but " + (validators + observers) + " were asked for");
        }
        if (chainId < 0) {
            throw new IllegalArgumentException("--chain-id must not be negative but is " + chainId);
        }
        int lastPort = basePort + PORTS_PER_NODE * (validators + observers) - 1;
        if (basePort < 1 || lastPort > MAX_PORT) {
            throw new IllegalArgumentException("--base-port " + basePort + " leaves no room for "
                    + (validators + observers) + " nodes: their ports must lie from 1 to " + MAX_PORT);
        }
    }

    int nodeCount() {
        return validators + observers;
    }

    boolean isValidator(final int index) {
        return checked(index) < validators;
    }

    int httpPort(final int index) {
        return basePort + PORTS_PER_NODE * checked(index);
    }

    int p2pPort(final int index) {
        return httpPort(index) + 1;
    }

    private int checked(final int index) {
        if (index < 0 || index >= nodeCount()) {
            throw new IndexOutOfBoundsException("node " + index + " is not one of the plan's " + nodeCount() + " nodes");
        }
        return index;
    }
}
