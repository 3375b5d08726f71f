package org.banyan.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A closed-loop HTTP/1.1 GET load over keep-alive connections, in the manner of {@code wrk}: one thread drives every
 * connection through an event loop, each connection with one request in flight, cycling through pre-encoded requests.
 * One thread and no per-request allocation keep the client's share of a shared CPU small, so that the run measures
 * the server, not the client. An answer with an unexpected status counts as a failure.
 */
public final class KeepAliveLoad {

    /** How long the loop may wait without any answer before it gives up: a stuck server ends the run. */
    private static final long STALL_MILLIS = 30_000;

    /** Bytes a connection buffers: many whole answers of the node. */
    private static final int BUFFER_BYTES = 64 * 1024;

    private KeepAliveLoad() {
    }

    /**
     * What a run measured.
     *
     * @param requests answers with the expected status
     * @param failures answers with another status
     */
    public record Result(long requests, long failures, double seconds) {

        /** Answers with the expected status per second. */
        public double perSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f/s (%,d in %.1f s, %,d failed)", perSecond(), requests, seconds,
                failures);
        }
    }

    /**
     * Runs {@code connections} connections to {@code node} for {@code duration}, each sending the {@code paths} in turn
     * (starting at a different one) with the {@code accept} header, and counts answers of status {@code expected}.
     */
    public static Result run(final URI node, final List<String> paths, final String accept, final int expected,
                             final int connections, final Duration duration) throws IOException {
        final List<Connection> all = new ArrayList<>();
        for (int connection = 0; connection < connections; connection++) {
            all.add(new Connection(connection * paths.size() / connections, Long.MAX_VALUE));
        }
        return drive(node, requests(node, paths, accept), expected, all, duration.toNanos());
    }

    /**
     * Sends every one of {@code paths} exactly once, split among {@code connections}: a warm-up that leaves the server
     * with every answer rendered once, however slow the first rendering is.
     */
    public static Result pass(final URI node, final List<String> paths, final String accept, final int expected,
                              final int connections) throws IOException {
        final List<Connection> all = new ArrayList<>();
        for (int connection = 0; connection < connections; connection++) {
            final int from = connection * paths.size() / connections;
            all.add(new Connection(from, (connection + 1) * paths.size() / connections - from));
        }
        return drive(node, requests(node, paths, accept), expected, all, Long.MAX_VALUE);
    }

    /** One connection's place in the request list and what it has received. */
    private static final class Connection {
        private final long budget;
        private final byte[] received = new byte[BUFFER_BYTES];
        private int receivedBytes;
        private long next;
        private long sent;
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Connection(final long first, final long budget) {
            this.next = first;
            this.budget = budget;
        }
    }

    private static List<ByteBuffer> requests(final URI node, final List<String> paths, final String accept) {
        final List<ByteBuffer> requests = new ArrayList<>(paths.size());
        final String host = node.getHost() + ":" + node.getPort();
        for (final String path : paths) {
            requests.add(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer());
        }
        return requests;
    }

    /** The event loop: sends, frames answers and sends again until the time is up or every budget is spent. */
    private static Result drive(final URI node, final List<ByteBuffer> requests, final int expected,
                                final List<Connection> connections, final long durationNanos) throws IOException {
        long succeeded = 0;
        long failed = 0;
        final long startNanos = System.nanoTime();
        final long deadlineNanos = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : startNanos + durationNanos;
        long lastAnswerNanos = startNanos;
        int open = 0;
        try (Selector selector = Selector.open()) {
            for (final Connection connection : connections) {
                if (connection.budget == 0) {
                    continue;
                }
                final SocketChannel channel = SocketChannel.open(new InetSocketAddress(node.getHost(), node.getPort()));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                final SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
                send(key, connection, requests);
                open++;
            }
            while (open > 0 && System.nanoTime() < deadlineNanos) {
                if (selector.select(100) == 0) {
                    if (System.nanoTime() - lastAnswerNanos > STALL_MILLIS * 1_000_000) {
                        throw new IOException("no answer for " + STALL_MILLIS + " ms");
                    }
                    continue;
                }
                for (final SelectionKey key : selector.selectedKeys()) {
                    final Connection connection = (Connection) key.attachment();
                    if (key.isWritable()) {
                        send(key, connection, requests);
                    }
                    if (!key.isReadable()) {
                        continue;
                    }
                    final int read = ((SocketChannel) key.channel()).read(ByteBuffer.wrap(connection.received,
                        connection.receivedBytes, connection.received.length - connection.receivedBytes));
                    if (read < 0) {
                        throw new IOException("the server closed a connection");
                    }
                    connection.receivedBytes += read;
                    Optional<ResponseFraming.Framed> framed;
                    while ((framed = ResponseFraming.first(connection.received, 0, connection.receivedBytes)).isPresent()) {
                        if (framed.get().status() == expected) {
                            succeeded++;
                        } else {
                            failed++;
                        }
                        lastAnswerNanos = System.nanoTime();
                        final int length = framed.get().lengthBytes();
                        System.arraycopy(connection.received, length, connection.received, 0,
                            connection.receivedBytes - length);
                        connection.receivedBytes -= length;
                        if (connection.sent < connection.budget) {
                            send(key, connection, requests);
                        } else {
                            key.cancel();
                            key.channel().close();
                            open--;
                            break;
                        }
                    }
                    if (connection.receivedBytes == connection.received.length) {
                        throw new IOException("an answer is longer than " + BUFFER_BYTES + " bytes");
                    }
                }
                selector.selectedKeys().clear();
            }
            for (final SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        }
        final long endNanos = Math.min(System.nanoTime(), deadlineNanos);
        return new Result(succeeded, failed, (endNanos - startNanos) / 1e9);
    }

    /** Writes the connection's next request, or what is left of it; asks to be told when the rest can go. */
    private static void send(final SelectionKey key, final Connection connection, final List<ByteBuffer> requests)
        throws IOException {
        if (!connection.pending.hasRemaining()) {
            connection.pending = requests.get((int) (connection.next++ % requests.size())).duplicate();
            connection.sent++;
        }
        ((SocketChannel) key.channel()).write(connection.pending);
        key.interestOps(connection.pending.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
            : SelectionKey.OP_READ);
    }
}
