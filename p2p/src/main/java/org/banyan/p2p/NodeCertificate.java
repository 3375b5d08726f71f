package org.banyan.p2p;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Date;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A node's TLS identity: its Ed25519 node key as a JCA key, and a self-signed X.509 certificate for it.
 *
 * <p>The certificate only carries the public key. Trust never comes from its signature, issuer or dates: TLS 1.3
 * proves that the peer holds the certificate's private key (CertificateVerify), and {@link PeerTrustManager} then asks
 * the ledger whether that key's BID address is admitted. So the certificate has fixed dates and serial, and the same
 * key always gives the same certificate bytes (Ed25519 signatures are deterministic).
 *
 * <p>SM2 node keys are refused: the JDK's TLS provider has no SM2 signature scheme.
 */
final class NodeCertificate {

    /** Certificates never expire: validity is a ledger fact (admission), not a date. RFC 5280 §4.1.2.5's "no end". */
    private static final Date NOT_AFTER = new Date(253_402_300_799_000L);

    private static final Date NOT_BEFORE = new Date(0);

    private static final String SIGNATURE_ALGORITHM = "Ed25519";

    private final java.security.PrivateKey jcaKey;
    private final X509Certificate certificate;
    private final String address;

    private NodeCertificate(final java.security.PrivateKey jcaKey, final X509Certificate certificate,
                            final String address) {
        this.jcaKey = jcaKey;
        this.certificate = certificate;
        this.address = address;
    }

    /**
     * The identity of this node key.
     *
     * @throws IllegalArgumentException if the key is SM2
     */
    static NodeCertificate of(final PrivateKey nodeKey) {
        if (nodeKey.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("SM2 node keys cannot authenticate p2p links: the JDK TLS provider has "
                    + "no SM2 signature scheme. Give this node an Ed25519 node key (" + nodeKey + ")");
        }
        final String address = nodeKey.publicKey().address().toString();
        try {
            final java.security.PrivateKey jcaKey = KeyFactory.getInstance(SIGNATURE_ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8(nodeKey.raw())));
            final X500Name name = new X500Name("CN=" + address);
            final var builder = new X509v3CertificateBuilder(name, BigInteger.ONE, NOT_BEFORE, NOT_AFTER, name,
                    new SubjectPublicKeyInfo(ed25519(), nodeKey.publicKey().raw()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            final X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(jcaKey)));
            return new NodeCertificate(jcaKey, certificate, address);
        } catch (final IOException e) {
            throw new UncheckedIOException("encoding the node certificate failed", e);
        } catch (final GeneralSecurityException | OperatorCreationException e) {
            // The JDK has had Ed25519 since 15; a JDK without it cannot run a node at all.
            throw new IllegalStateException("this JDK cannot use Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /**
     * The node BID address of the key a peer's certificate carries.
     *
     * @throws CertificateException if the certificate cannot be read or its key is not a valid Ed25519 key
     */
    static String addressOf(final X509Certificate peerCertificate) throws CertificateException {
        final SubjectPublicKeyInfo keyInfo;
        try {
            keyInfo = Certificate.getInstance(peerCertificate.getEncoded()).getSubjectPublicKeyInfo();
        } catch (final IllegalArgumentException e) {
            throw new CertificateException("the peer certificate is not valid DER: " + e.getMessage(), e);
        }
        if (!keyInfo.getAlgorithm().getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519)) {
            throw new CertificateException("the peer certificate holds a " + keyInfo.getAlgorithm().getAlgorithm()
                    + " key; p2p links accept only Ed25519 node keys (OID " + EdECObjectIdentifiers.id_Ed25519 + ")");
        }
        try {
            return PublicKey.fromRaw(KeyType.ED25519, keyInfo.getPublicKeyData().getOctets()).address().toString();
        } catch (final IllegalArgumentException e) {
            throw new CertificateException("the peer certificate's Ed25519 key is invalid: " + e.getMessage(), e);
        }
    }

    java.security.PrivateKey jcaKey() {
        return jcaKey;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** This node's BID address. */
    String address() {
        return address;
    }

    private static byte[] pkcs8(final byte[] seed) throws IOException {
        // RFC 8410 §7: the Ed25519 private key is the 32-byte seed as an OCTET STRING inside the PKCS#8 envelope.
        return new PrivateKeyInfo(ed25519(), new DEROctetString(seed)).getEncoded();
    }

    private static AlgorithmIdentifier ed25519() {
        return new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    }
}
