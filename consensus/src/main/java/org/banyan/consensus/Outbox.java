package org.banyan.consensus;

import java.util.ArrayList;
import java.util.List;

/** The actions one step produces, in the order the shell must carry them out. */
final class Outbox {

    private final List<Action> actions = new ArrayList<>();

    void add(final Action action) {
        actions.add(action);
    }

    void ignored(final IgnoreReason reason, final String detail) {
        actions.add(new Action.InputIgnored(reason, detail));
    }

    List<Action> actions() {
        return actions;
    }
}
