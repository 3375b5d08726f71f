package org.banyan.node.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.banyan.consensus.Validator;
import org.banyan.ledger.Ledger;
import org.banyan.p2p.PeerAdmission;

/**
 * Which nodes may link to this one: the validators of the next height to decide and of the one after (so that a
 * validator joining by governance can connect before its first vote), plus the configured observers. Recomputed after
 * every commit; read on Netty threads, so the set is swapped whole.
 */
final class AdmittedPeers implements PeerAdmission {

    private final Ledger ledger;
    private final ValidatorSets validatorSets;
    private final Set<String> observers;
    private volatile Set<String> admitted = Set.of();

    AdmittedPeers(final Ledger ledger, final ValidatorSets validatorSets, final List<String> observers) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.validatorSets = Objects.requireNonNull(validatorSets, "validatorSets");
        this.observers = Set.copyOf(observers);
        refresh();
    }

    /** Recomputes the set from the committed ledger; true when it changed. */
    boolean refresh() {
        final long next = ledger.lastHeader().getSeq() + 1;
        final Set<String> addresses = new HashSet<>(observers);
        for (final long height : new long[] {next, next + 1}) {
            validatorSets.at(height).validators().stream().map(Validator::address).forEach(addresses::add);
        }
        final boolean changed = !addresses.equals(admitted);
        admitted = Set.copyOf(addresses);
        return changed;
    }

    @Override
    public boolean isAdmitted(final String nodeAddress) {
        return admitted.contains(nodeAddress);
    }
}
