package org.banyan.node.consensus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.banyan.consensus.Validator;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.PublicKey;
import org.banyan.ledger.Ledger;

/**
 * The ledger's validator sets as the consensus core sees them. Building a set parses and validates every public key,
 * which costs about a signature check each, so the few recent sets are kept; the ledger returns one list object per
 * governance change, and equal lists map to one set.
 */
public final class ValidatorSets {

    /** Sets kept: the current, next and previous heights' sets, with room for a change in between. */
    static final int CACHED_SETS = 8;

    private final Ledger ledger;
    private final Map<List<org.banyan.ledger.Validator>, ValidatorSet> cache =
        new LinkedHashMap<>(CACHED_SETS, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<List<org.banyan.ledger.Validator>, ValidatorSet> e) {
                return size() > CACHED_SETS;
            }
        };

    /** The sets of this ledger. */
    public ValidatorSets(final Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** The validator set of ledger {@code seq}; known up to two ledgers past the last committed one. */
    public ValidatorSet at(final long seq) {
        return of(ledger.validators(seq));
    }

    /** The consensus form of a ledger validator list, from the cache when it was seen recently. */
    ValidatorSet of(final List<org.banyan.ledger.Validator> validators) {
        synchronized (cache) {
            return cache.computeIfAbsent(validators, ValidatorSets::convert);
        }
    }

    /** Whether the set of {@code seq} is known yet. */
    public boolean isKnown(final long seq) {
        return seq >= 1 && seq <= ledger.lastHeader().getSeq() + org.banyan.ledger.ValidatorSetContract.ACTIVATION_DELAY;
    }

    /** Number of sets cached now; never more than {@link #CACHED_SETS}. */
    int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static ValidatorSet convert(final List<org.banyan.ledger.Validator> validators) {
        return ValidatorSet.of(validators.stream()
            .map(validator -> new Validator(PublicKey.parse(validator.publicKey()), validator.power()))
            .toList());
    }
}
