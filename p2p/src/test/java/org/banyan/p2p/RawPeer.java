package org.banyan.p2p;

import io.netty.handler.ssl.JdkSslContext;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.p2p.Hello;
import org.banyan.protocol.p2p.PeerMessage;

/**
 * A misbehaving peer for tests: real TLS with a real node key (or none at all), but it writes whatever bytes the
 * test asks for. Reads block for at most {@link #READ_TIMEOUT_MILLIS}.
 */
public final class RawPeer implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawPeer(final Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A TLS connection authenticated with this key, trusting whatever node answers. */
    public static RawPeer tls(final PrivateKey key, final int port) throws IOException {
        return tls(clientContext(key), port);
    }

    /** A client context of this key; its connections to one host and port resume each other's TLS sessions. */
    static SSLContext clientContext(final PrivateKey key) {
        return ((JdkSslContext) TlsContexts.client(NodeCertificate.of(key),
                new PeerTrustManager(address -> true, Optional.empty()))).context();
    }

    /** A TLS connection from this context, resuming an earlier session to the same port if the context has one. */
    static RawPeer tls(final SSLContext context, final int port) throws IOException {
        final SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setEnabledProtocols(new String[] {TlsContexts.PROTOCOL});
        socket.startHandshake();
        return new RawPeer(socket);
    }

    /** A plain TCP connection that never starts TLS. */
    static RawPeer plain(final int port) throws IOException {
        return new RawPeer(new Socket("127.0.0.1", port));
    }

    /** Completes the handshake as the node with this key would, claiming the given address; returns the node's Hello. */
    PeerMessage greet(final String claimedAddress) throws IOException {
        return greet(claimedAddress, TestNode.CHAIN_ID);
    }

    /** Sends a Hello of chain {@code chainId} claiming the given address, and reads the node's answer. */
    public PeerMessage greet(final String claimedAddress, final long chainId) throws IOException {
        sendHello(claimedAddress, chainId);
        return readFrame();
    }

    /** Sends a Hello of this chain claiming the given address. */
    void sendHello(final String claimedAddress) throws IOException {
        sendHello(claimedAddress, TestNode.CHAIN_ID);
    }

    private void sendHello(final String claimedAddress, final long chainId) throws IOException {
        write(Frames.encode(PeerMessage.newBuilder().setHello(Hello.newBuilder()
                .setChainId(chainId)
                .setMinProtocolVersion(P2pConfig.PROTOCOL_VERSION)
                .setMaxProtocolVersion(P2pConfig.PROTOCOL_VERSION)
                .setNodeAddress(claimedAddress)
                .setSoftware("raw-peer")).build(), Limits.MAX_MAX_FRAME_BYTES));
    }

    public void write(final byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    PeerMessage readFrame() throws IOException {
        final byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return PeerMessage.parseFrom(body);
    }

    /** Reads until the node closes the connection; true if it did within the read timeout. */
    public boolean closedByNode() {
        try {
            final InputStream stream = socket.getInputStream();
            final byte[] buffer = new byte[8192];
            while (stream.read(buffer) >= 0) {
                // Frames sent before the close (its Hello, keepalives) are not what this test is about.
            }
            return true;
        } catch (final java.net.SocketTimeoutException e) {
            return false;
        } catch (final IOException e) {
            // A reset or a TLS alert is the node closing on us too.
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
