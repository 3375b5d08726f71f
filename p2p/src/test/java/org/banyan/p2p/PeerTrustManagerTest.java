package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerTrustManagerTest {

    private static final X509Certificate[] NODE_1 = {NodeCertificate.of(TestKeys.ed25519(1)).certificate()};

    @Test
    void admittedPeerIsAuthenticatedByItsKeyAddress() throws Exception {
        final PeerTrustManager trust = new PeerTrustManager(Set.of(TestKeys.address(1))::contains, Optional.empty());
        assertThat(trust.authenticate(NODE_1)).isEqualTo(TestKeys.address(1));
        trust.checkClientTrusted(NODE_1, "EdDSA");
        trust.checkServerTrusted(NODE_1, "EdDSA");
        assertThat(trust.getAcceptedIssuers()).isEmpty();
    }

    @Test
    void peerNotAdmittedIsRefusedInBothRoles() {
        final PeerTrustManager trust = new PeerTrustManager(Set.of(TestKeys.address(2))::contains, Optional.empty());
        assertThatThrownBy(() -> trust.checkClientTrusted(NODE_1, "EdDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining(TestKeys.address(1)).hasMessageContaining("not admitted");
        assertThatThrownBy(() -> trust.checkServerTrusted(NODE_1, "EdDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not admitted");
    }

    @Test
    void dialledPeerMustBeTheExpectedNode() {
        final PeerTrustManager trust = new PeerTrustManager(address -> true, Optional.of(TestKeys.address(2)));
        assertThatThrownBy(() -> trust.checkServerTrusted(NODE_1, "EdDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("dialled " + TestKeys.address(2))
                .hasMessageContaining("authenticated as " + TestKeys.address(1));
    }

    @Test
    void missingCertificateIsRefused() {
        final PeerTrustManager trust = new PeerTrustManager(address -> true, Optional.empty());
        assertThatThrownBy(() -> trust.authenticate(new X509Certificate[0]))
                .isInstanceOf(CertificateException.class).hasMessageContaining("no certificate");
    }
}
