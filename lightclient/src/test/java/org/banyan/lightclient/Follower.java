package org.banyan.lightclient;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.chaingroup.CertifiedHeader;

/** What a chain-group contract does with the rule, for tests: keeps the state and the anchors, and applies results. */
final class Follower {

    ClientState state;
    final Map<Long, Anchor> anchors = new HashMap<>();

    Follower(final ClientState state) {
        this.state = state;
    }

    UpdateResult offer(final CertifiedHeader certified) {
        final UpdateResult result = LightClient.update(state, certified,
                height -> Optional.ofNullable(anchors.get(height)));
        if (result instanceof UpdateResult.Accepted accepted) {
            state = accepted.next();
            anchors.put(accepted.anchor().height(), accepted.anchor());
        } else if (result instanceof UpdateResult.Misbehaviour misbehaviour) {
            state = misbehaviour.frozen();
        }
        return result;
    }
}
