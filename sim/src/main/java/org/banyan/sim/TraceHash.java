package org.banyan.sim;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.banyan.crypto.Hex;

/**
 * A running SHA-256 over every event a run processes (time, node, kind, and a digest of the payload). Two runs of one
 * seed must give the same hash; any difference means something other than the seed leaked into the run.
 */
final class TraceHash {

    private final MessageDigest digest;
    private final ByteBuffer header = ByteBuffer.allocate(Long.BYTES + 2 * Integer.BYTES);

    TraceHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    void event(final long timeMicros, final int node, final Scheduler.Kind kind) {
        header.clear();
        header.putLong(timeMicros).putInt(node).putInt(kind.ordinal());
        digest.update(header.array());
    }

    void detail(final byte[] bytes) {
        digest.update(bytes);
    }

    void detail(final long value) {
        header.clear();
        header.putLong(value).putInt(0).putInt(0);
        digest.update(header.array());
    }

    /** The hash so far, in hex. */
    String hex() {
        try {
            return Hex.encode(((MessageDigest) digest.clone()).digest());
        } catch (final CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK SHA-256 digest is cloneable", e);
        }
    }
}
