package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class NodeCertificateTest {

    @Test
    void certificateCarriesTheNodeKeyAndItsAddress() throws Exception {
        final PrivateKey key = TestKeys.ed25519(1);
        final NodeCertificate identity = NodeCertificate.of(key);
        assertThat(identity.address()).isEqualTo(key.publicKey().address().toString()).startsWith("did:bid:ef");
        assertThat(NodeCertificate.addressOf(identity.certificate())).isEqualTo(identity.address());
        assertThat(identity.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=" + identity.address());
        identity.certificate().verify(identity.certificate().getPublicKey());
    }

    @Test
    void jcaKeySignsExactlyAsTheNodeKey() throws Exception {
        final PrivateKey key = TestKeys.ed25519(2);
        final byte[] message = "node handshake transcript".getBytes(StandardCharsets.UTF_8);
        final Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(NodeCertificate.of(key).jcaKey());
        signature.update(message);
        // Ed25519 is deterministic, so equal signatures prove the PKCS#8 conversion kept the seed.
        assertThat(signature.sign()).isEqualTo(key.sign(message));
    }

    @Test
    void sameKeyGivesTheSameCertificateBytes() throws Exception {
        assertThat(NodeCertificate.of(TestKeys.ed25519(3)).certificate().getEncoded())
                .isEqualTo(NodeCertificate.of(TestKeys.ed25519(3)).certificate().getEncoded())
                .isNotEqualTo(NodeCertificate.of(TestKeys.ed25519(4)).certificate().getEncoded());
    }

    @Test
    void sm2NodeKeysAreRefusedWithAClearReason() {
        final byte[] scalar = new byte[PrivateKey.RAW_LENGTH_BYTES];
        Arrays.fill(scalar, (byte) 1);
        final PrivateKey sm2 = PrivateKey.fromRaw(KeyType.SM2, scalar);
        assertThatThrownBy(() -> NodeCertificate.of(sm2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SM2 node keys cannot authenticate p2p links")
                .hasMessageContaining("Ed25519");
    }

    @Test
    void certificatesOfOtherKeyTypesAreRejected() throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        final KeyPair pair = generator.generateKeyPair();
        final X500Name name = new X500Name("CN=not-a-node");
        final X509Certificate ecdsa = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(0), new Date(1_000_000_000_000L),
                        name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build(pair.getPrivate())));
        assertThatThrownBy(() -> NodeCertificate.addressOf(ecdsa))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("only Ed25519");
    }
}
