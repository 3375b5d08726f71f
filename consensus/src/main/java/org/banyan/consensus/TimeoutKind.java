package org.banyan.consensus;

/** The timers of spec §2.4, plus the optional commit delay before a new height's first round. */
public enum TimeoutKind {
    /** OnTimeoutPropose: no acceptable proposal in time, prevote nil. */
    PROPOSE,
    /** OnTimeoutPrevote: prevotes reached a quorum without agreeing, precommit nil. */
    PREVOTE,
    /** OnTimeoutPrecommit: precommits reached a quorum without deciding, start the next round. */
    PRECOMMIT,
    /** CometBFT's timeout_commit: the pause after a commit before the next height's round 0 starts. */
    COMMIT
}
