package org.banyan.lightclient;

import java.util.Objects;

/** What a light client made of one certified header: a new anchor, a refusal, or proof that the chain forked. */
public sealed interface UpdateResult permits UpdateResult.Accepted, UpdateResult.Refused, UpdateResult.Misbehaviour {

    /** The header is verified: store {@code anchor} for its height and replace the state with {@code next}. */
    record Accepted(ClientState next, Anchor anchor) implements UpdateResult {
        public Accepted {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(anchor, "anchor");
        }
    }

    /** The header is not accepted and the state is unchanged; the reason says which rule refused it. */
    record Refused(String reason) implements UpdateResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The followed chain's validators certified two blocks for one height: replace the state with {@code frozen},
     * which refuses every later update, and record {@code evidence} (JSON naming both headers and certificates).
     */
    record Misbehaviour(ClientState frozen, String evidence) implements UpdateResult {
        public Misbehaviour {
            Objects.requireNonNull(frozen, "frozen");
            Objects.requireNonNull(evidence, "evidence");
        }
    }
}
