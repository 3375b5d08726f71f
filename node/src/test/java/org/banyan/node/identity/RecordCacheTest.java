package org.banyan.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.banyan.identity.ddo.BidRecord;
import org.junit.jupiter.api.Test;

/** Sub-chain records are kept for their TTL, capped at an hour, and the cache never holds more than its cap. */
class RecordCacheTest {

    private static BidRecord record(final int index) {
        return new BidRecord("did:bid:abcd:record" + index, Optional.empty(), "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z", true, index);
    }

    @Test
    void aRecordLivesForItsTtlAndAZeroTtlKeepsNothing() {
        final RecordCache cache = new RecordCache();
        cache.put(record(1), 60, 1_000);
        assertThat(cache.get(record(1).id(), 1_000 + 59_999)).contains(record(1));
        assertThat(cache.get(record(1).id(), 1_000 + 60_000)).isEmpty();
        assertThat(cache.size()).as("an expired record is dropped when found").isZero();
        cache.put(record(2), 0, 1_000);
        assertThat(cache.get(record(2).id(), 1_000)).isEmpty();
    }

    @Test
    void aDocumentsTtlIsCappedAtTheMaximum() {
        final RecordCache cache = new RecordCache();
        cache.put(record(1), 365L * 24 * 3600, 0);
        assertThat(cache.get(record(1).id(), RecordCache.MAX_TTL_SECONDS * 1000 - 1)).isPresent();
        assertThat(cache.get(record(1).id(), RecordCache.MAX_TTL_SECONDS * 1000)).isEmpty();
    }

    @Test
    void atTheCapTheOldestRecordMakesRoom() {
        final RecordCache cache = new RecordCache();
        for (int index = 0; index < RecordCache.MAX_ENTRIES; index++) {
            cache.put(record(index), 60, 0);
        }
        assertThat(cache.size()).isEqualTo(RecordCache.MAX_ENTRIES);
        cache.put(record(RecordCache.MAX_ENTRIES), 60, 0);
        assertThat(cache.size()).isEqualTo(RecordCache.MAX_ENTRIES);
        assertThat(cache.get(record(0).id(), 0)).as("the oldest went").isEmpty();
        assertThat(cache.get(record(1).id(), 0)).isPresent();
        assertThat(cache.get(record(RecordCache.MAX_ENTRIES).id(), 0)).isPresent();
    }

    @Test
    void expiredRecordsGoBeforeLiveOnes() {
        final RecordCache cache = new RecordCache();
        cache.put(record(0), 3_600, 0);
        for (int index = 1; index < RecordCache.MAX_ENTRIES; index++) {
            cache.put(record(index), 1, 0);
        }
        cache.put(record(RecordCache.MAX_ENTRIES), 60, 5_000);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(record(0).id(), 5_000)).as("the oldest, but still live").isPresent();
    }
}
