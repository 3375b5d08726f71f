package org.banyan.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.banyan.protocol.consensus.Evidence;
import org.banyan.protocol.consensus.Vote;

/**
 * Evidence of equivocation waiting for a block, at most one item per (validator, height, round, vote type) and at
 * most {@link Limits#MAX_PENDING_EVIDENCE} in all. Items leave when a committed block includes them.
 */
final class EvidencePool {

    /** What adding evidence did. */
    enum Addition { ADDED, ALREADY_PENDING, POOL_FULL }

    private final Map<String, Evidence> pending = new LinkedHashMap<>();

    Addition add(final Evidence evidence) {
        final String key = keyOf(evidence);
        if (pending.containsKey(key)) {
            return Addition.ALREADY_PENDING;
        }
        if (pending.size() >= Limits.MAX_PENDING_EVIDENCE) {
            return Addition.POOL_FULL;
        }
        pending.put(key, evidence);
        return Addition.ADDED;
    }

    /** The oldest items, as many as one block may carry. */
    List<Evidence> forBlock() {
        return pending.values().stream().limit(Limits.MAX_EVIDENCE_PER_BLOCK).toList();
    }

    /** Drops the items a committed block included. */
    void removeIncluded(final List<Evidence> included) {
        for (final Evidence evidence : included) {
            pending.remove(keyOf(evidence));
        }
    }

    List<Evidence> all() {
        return new ArrayList<>(pending.values());
    }

    int size() {
        return pending.size();
    }

    private static String keyOf(final Evidence evidence) {
        final Vote vote = evidence.getFirst();
        return vote.getValidator() + '/' + vote.getHeight() + '/' + vote.getRound() + '/' + vote.getTypeValue();
    }
}
