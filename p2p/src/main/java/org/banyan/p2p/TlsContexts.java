package org.banyan.p2p;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * TLS 1.3 contexts for peer links, from the JDK provider: mutual authentication with node certificates, trust by
 * admission ({@link PeerTrustManager}). Only TLS 1.3 is offered, so there is no downgrade and every cipher suite is
 * an AEAD with forward secrecy.
 *
 * <p>A resumed TLS session skips the trust manager, and a peer may hold a session ticket from before it lost its
 * admission. So the {@link LinkHandler} asks the same trust manager again after every handshake; the TLS-time check
 * only makes refusals early.
 */
final class TlsContexts {

    /** The only protocol offered on peer links. */
    static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {
    }

    /** The context that accepts inbound links; it requires and checks the dialler's certificate. */
    static SslContext server(final NodeCertificate identity, final PeerTrustManager trust) {
        final SslContextBuilder builder = SslContextBuilder.forServer(identity.jcaKey(), identity.certificate())
                .clientAuth(ClientAuth.REQUIRE)
                .trustManager(trust);
        return build(builder);
    }

    /**
     * A context for dialling. Host names play no part: the peer is named by its key. Handlers must be made without
     * a peer host ({@code newHandler(allocator)}), so that the JDK finds no session to resume and every dial runs a
     * full handshake that consults the trust manager.
     */
    static SslContext client(final NodeCertificate identity, final PeerTrustManager trust) {
        final SslContextBuilder builder = SslContextBuilder.forClient()
                .keyManager(identity.jcaKey(), identity.certificate())
                .trustManager(trust)
                .endpointIdentificationAlgorithm(null);
        return build(builder);
    }

    private static SslContext build(final SslContextBuilder builder) {
        try {
            return builder.sslProvider(SslProvider.JDK).protocols(PROTOCOL).build();
        } catch (final SSLException e) {
            // Building needs no I/O: a failure means the JDK lacks TLS 1.3 or Ed25519, which a node cannot run without.
            throw new IllegalStateException("this JDK cannot build a TLS 1.3 context for an Ed25519 key: "
                    + e.getMessage(), e);
        }
    }
}
