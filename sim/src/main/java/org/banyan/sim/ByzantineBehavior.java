package org.banyan.sim;

/** How a Byzantine validator misbehaves (spec §3.2, "Byzantine"). Each signs only with its own key: no forging. */
public enum ByzantineBehavior {
    /** Proposes two different blocks in its rounds, one to each half of its peers. */
    EQUIVOCATING_PROPOSER,
    /** Signs a second, conflicting vote for every vote and sends each half of its peers a different one. */
    DOUBLE_VOTER,
    /** Receives everything and sends nothing. */
    SILENT,
    /** Crashes often and restarts with its sign state, lock and last signed message wiped. */
    AMNESIAC,
    /** Runs as two nodes with one key (Twins), each following the protocol on its own. */
    TWIN
}
