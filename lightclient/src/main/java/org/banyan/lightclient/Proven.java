package org.banyan.lightclient;

import java.util.Objects;

/** What a state proof showed about one account or entry: its content, its absence, or that the proof does not hold. */
public sealed interface Proven<T> permits Proven.Present, Proven.Absent, Proven.Invalid {

    /** The state holds exactly this value. */
    record Present<T>(T value) implements Proven<T> {
        public Present {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The state holds nothing there. */
    record Absent<T>() implements Proven<T> {
    }

    /** The proof does not hold; the reason says which check failed. */
    record Invalid<T>(String reason) implements Proven<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
