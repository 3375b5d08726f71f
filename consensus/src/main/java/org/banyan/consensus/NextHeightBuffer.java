package org.banyan.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages for the height after the current one, kept until it starts: the first message per (sender, kind, round)
 * and at most {@link Limits#MAX_NEXT_HEIGHT_MESSAGES} in all. Peers that run a height ahead (they committed first)
 * send these; dropping them would cost a retransmission.
 */
final class NextHeightBuffer {

    /** What buffering a message did. */
    enum Addition { BUFFERED, ALREADY_BUFFERED, BUFFER_FULL }

    private final Map<String, ConsensusMessage> messages = new LinkedHashMap<>();

    Addition add(final ConsensusMessage message) {
        final SignedStep step = message.signedStep();
        final String key = message.sender() + '/' + step.round() + '/' + step.kind();
        if (messages.containsKey(key)) {
            return Addition.ALREADY_BUFFERED;
        }
        if (messages.size() >= Limits.MAX_NEXT_HEIGHT_MESSAGES) {
            return Addition.BUFFER_FULL;
        }
        messages.put(key, message);
        return Addition.BUFFERED;
    }

    /** Every buffered message in arrival order, emptying the buffer. */
    List<ConsensusMessage> drain() {
        final List<ConsensusMessage> drained = new ArrayList<>(messages.values());
        messages.clear();
        return drained;
    }

    int size() {
        return messages.size();
    }
}
