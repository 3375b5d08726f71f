package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The signatures of consensus messages a node verified lately, so that a retransmitted duplicate is not verified
 * again. Ed25519 is deterministic, so equal messages carry equal signatures. Duplicates still reach consensus, which
 * ignores repeats itself: a message dropped once (its round was outside the window) may be needed when it comes again.
 */
final class RecentSignatures {

    /** Signatures remembered; older ones are forgotten first, and a forgotten duplicate is merely verified again. */
    static final int MAX_REMEMBERED = 8_192;

    private final Set<ByteString> remembered = new LinkedHashSet<>();

    /** Whether this signature was verified lately. */
    boolean contains(final byte[] signature) {
        return remembered.contains(ByteString.copyFrom(signature));
    }

    /** Remembers a verified signature, forgetting the oldest beyond the cap. */
    void remember(final byte[] signature) {
        remembered.add(ByteString.copyFrom(signature));
        if (remembered.size() > MAX_REMEMBERED) {
            final Iterator<ByteString> oldest = remembered.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return remembered.size();
    }
}
