package org.banyan.node.identity;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.banyan.identity.ddo.BidRecord;

/**
 * Records fetched from sub-chain resolvers, each kept for its document's {@code extension.ttl} (at most
 * {@link #MAX_TTL_SECONDS}), so that a busy main-chain resolver does not ask a sub-chain again for every request.
 * Bounded by {@link #MAX_ENTRIES}: when full, expired entries go first, then the oldest. Thread-safe.
 */
public final class RecordCache {

    /** Records kept at once: a few megabytes of documents, far more than a resolver's working set of sub-chain BIDs. */
    public static final int MAX_ENTRIES = 10_000;

    /**
     * Longest a record is kept, whatever its document asks (documents may ask for up to a year): an hour bounds how
     * long a main-chain resolver can serve a sub-chain document that has since changed.
     */
    public static final long MAX_TTL_SECONDS = 3_600;

    private static final long MILLIS_PER_SECOND = 1_000;

    /** Insertion order, so the first entry is the oldest; guarded by {@code this}. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(BidRecord record, long expiresAtMillis) {
    }

    /** The cached record of {@code bid}, if one is there and has not expired at {@code nowMillis}. */
    public synchronized Optional<BidRecord> get(final String bid, final long nowMillis) {
        final Entry entry = entries.get(bid);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis() <= nowMillis) {
            entries.remove(bid);
            return Optional.empty();
        }
        return Optional.of(entry.record());
    }

    /** Keeps {@code record} for {@code ttlSeconds} (capped) from {@code nowMillis}; a TTL of 0 keeps nothing. */
    public synchronized void put(final BidRecord record, final long ttlSeconds, final long nowMillis) {
        if (ttlSeconds <= 0) {
            return;
        }
        entries.remove(record.id());
        if (entries.size() >= MAX_ENTRIES) {
            makeRoom(nowMillis);
        }
        entries.put(record.id(), new Entry(record, nowMillis + Math.min(ttlSeconds, MAX_TTL_SECONDS) * MILLIS_PER_SECOND));
    }

    /** How many records are cached, expired ones included until they are found. */
    public synchronized int size() {
        return entries.size();
    }

    private void makeRoom(final long nowMillis) {
        entries.values().removeIf(entry -> entry.expiresAtMillis() <= nowMillis);
        final Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() >= MAX_ENTRIES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
