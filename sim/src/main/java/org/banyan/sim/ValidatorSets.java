package org.banyan.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.banyan.consensus.Validator;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.PublicKey;
import org.banyan.ledger.Ledger;

/**
 * The consensus view of the ledger's validator sets. Consensus height h is decided into ledger h + 1 (ledger 1 is
 * genesis), so the set of height h is the ledger's set of ledger h + 1. Conversions are shared by the nodes of a run:
 * a set is the same whichever node's ledger holds it, and building one computes its hash and proposer cycle.
 */
final class ValidatorSets {

    /** Converted sets kept; a run sees a few dozen at most. */
    static final int MAX_CACHED = 256;

    private final Map<List<org.banyan.ledger.Validator>, ValidatorSet> converted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<List<org.banyan.ledger.Validator>, ValidatorSet> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /** The set of consensus height {@code height} in this ledger; known up to two heights past its last block. */
    ValidatorSet at(final Ledger ledger, final long height) {
        return of(ledger.validators(height + 1));
    }

    /** The consensus form of a ledger validator list. */
    ValidatorSet of(final List<org.banyan.ledger.Validator> validators) {
        return converted.computeIfAbsent(validators, list -> ValidatorSet.of(list.stream()
                .map(validator -> new Validator(PublicKey.parse(validator.publicKey()), validator.power())).toList()));
    }

    int size() {
        return converted.size();
    }
}
