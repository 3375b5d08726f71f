package org.banyan.p2p;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer by the ledger, not by a certificate authority: the peer's certificate must hold an Ed25519 key whose
 * BID address {@link PeerAdmission admission} allows and, when we dial a particular node, is that node. Chains,
 * issuers, dates and host names are ignored on purpose; see {@link NodeCertificate}. Being an
 * {@link X509ExtendedTrustManager}, the JDK calls it directly and adds no host-name check of its own.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final PeerAdmission admission;
    private final Optional<String> expectedAddress;

    PeerTrustManager(final PeerAdmission admission, final Optional<String> expectedAddress) {
        this.admission = Objects.requireNonNull(admission, "admission");
        this.expectedAddress = Objects.requireNonNull(expectedAddress, "expectedAddress");
    }

    /**
     * The admitted address the chain's certificate proves, or why it is refused.
     *
     * @throws CertificateException naming the refused address and the reason
     */
    String authenticate(final X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer sent no certificate");
        }
        final String address = NodeCertificate.addressOf(chain[0]);
        if (expectedAddress.isPresent() && !expectedAddress.get().equals(address)) {
            throw new CertificateException(
                    "dialled " + expectedAddress.get() + " but the peer authenticated as " + address);
        }
        if (!admission.isAdmitted(address)) {
            throw new CertificateException("peer " + address + " is not admitted (neither a validator nor an observer)");
        }
        return address;
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType) throws CertificateException {
        authenticate(chain);
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType) throws CertificateException {
        authenticate(chain);
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType, final Socket socket)
            throws CertificateException {
        authenticate(chain);
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType, final Socket socket)
            throws CertificateException {
        authenticate(chain);
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine)
            throws CertificateException {
        authenticate(chain);
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType, final SSLEngine engine)
            throws CertificateException {
        authenticate(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // No issuers: a client certificate request names no CA, so the client sends its one self-signed certificate.
        return NO_ISSUERS.clone();
    }
}
