package org.banyan.p2p;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one live link per peer address. When a second link to the same peer completes its handshake, exactly one
 * survives, and both ends pick the same one without talking:
 * <ul>
 *   <li>links dialled by different sides (both nodes dialled at once): the link dialled by the node with the smaller
 *       address wins;</li>
 *   <li>links dialled by the same side: the newer wins, because the older one is most likely dead (the peer
 *       restarted and dialled again before we noticed).</li>
 * </ul>
 */
final class PeerRegistry {

    private final String selfAddress;
    private final ConcurrentHashMap<String, PeerLink> links = new ConcurrentHashMap<>();

    PeerRegistry(final String selfAddress) {
        this.selfAddress = selfAddress;
    }

    /** What registering a link did: whether it is now the peer's link, and which link lost and must be closed. */
    record Registration(boolean accepted, Optional<PeerLink> loser) {
    }

    /** Makes the candidate the peer's link, or not, by the rule above. */
    Registration register(final PeerLink candidate) {
        final AtomicReference<PeerLink> loser = new AtomicReference<>();
        final PeerLink winner = links.compute(candidate.address(), (address, existing) -> {
            if (existing == null) {
                return candidate;
            }
            final boolean candidateWins = !existing.channel().isActive() || candidateWins(existing, candidate);
            loser.set(candidateWins ? existing : candidate);
            return candidateWins ? candidate : existing;
        });
        return new Registration(winner == candidate, Optional.ofNullable(loser.get()));
    }

    /** Removes the link if it is still the peer's link; true if it was, so the peer is now disconnected. */
    boolean remove(final PeerLink link) {
        return links.remove(link.address(), link);
    }

    Optional<PeerLink> get(final String address) {
        return Optional.ofNullable(links.get(address));
    }

    boolean isConnected(final String address) {
        return links.containsKey(address);
    }

    /** The current links, ordered by address. */
    List<PeerLink> all() {
        return links.values().stream().sorted(Comparator.comparing(PeerLink::address)).toList();
    }

    private boolean candidateWins(final PeerLink existing, final PeerLink candidate) {
        final String existingDialler = diallerOf(existing);
        final String candidateDialler = diallerOf(candidate);
        if (existingDialler.equals(candidateDialler)) {
            return true;
        }
        final String preferredDialler = selfAddress.compareTo(candidate.address()) < 0
                ? selfAddress : candidate.address();
        return candidateDialler.equals(preferredDialler);
    }

    private String diallerOf(final PeerLink link) {
        return link.direction() == LinkDirection.OUTBOUND ? selfAddress : link.address();
    }
}
