package org.banyan.consensus;

import java.util.List;
import java.util.Objects;

/** The result of one step: the state after it and the actions to carry out, in order. */
public record Transition(State state, List<Action> actions) {

    public Transition {
        Objects.requireNonNull(state, "state");
        actions = List.copyOf(actions);
    }
}
