package org.banyan.node.consensus;

import java.util.List;
import java.util.Objects;
import org.banyan.crypto.Address;

/**
 * Where a consensus node listens for peers and whom it dials.
 *
 * @param host the interface to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param peers the peers to keep links to
 * @param observers BID addresses of non-validator nodes (full nodes) that may connect besides the validators
 */
public record PeerSettings(String host, int port, List<PeerEndpoint> peers, List<String> observers) {

    /** Largest port number. */
    private static final int MAX_PORT = 65_535;

    public PeerSettings {
        Objects.requireNonNull(host, "host");
        peers = List.copyOf(peers);
        observers = List.copyOf(observers);
        if (host.isBlank()) {
            throw new IllegalArgumentException("the p2p host must not be blank");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("the p2p port must be from 0 to 65535 but is " + port);
        }
        for (final String observer : observers) {
            try {
                Address.parse(observer);
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("observer '" + observer + "' is not a BID address: "
                    + e.getMessage(), e);
            }
        }
    }

    /** A peer to dial, written {@code host:port} in the config. */
    public record PeerEndpoint(String host, int port) {

        public PeerEndpoint {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || port < 1 || port > MAX_PORT) {
                throw new IllegalArgumentException("a peer is host:port with a port from 1 to 65535, got "
                    + host + ":" + port);
            }
        }

        /** Parses {@code host:port}. */
        public static PeerEndpoint parse(final String text) {
            final int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("a peer is written host:port, got '" + text + "'");
            }
            final int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("a peer is written host:port, got '" + text + "'", e);
            }
            return new PeerEndpoint(text.substring(0, colon), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
