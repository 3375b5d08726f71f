package org.banyan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banyan.store.Bytes.utf8;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Building batches: order, size accounting and rejected input. */
class WriteBatchTest {

    @Test
    void entriesKeepTheOrderTheyWereAddedIn() {
        final WriteBatch batch = new WriteBatch().put(utf8("b"), utf8("2")).delete(utf8("a")).put(utf8("a"), utf8("1"));

        assertThat(batch.entries()).extracting(entry -> new String(entry.key(), StandardCharsets.UTF_8))
                .containsExactly("b", "a", "a");
        assertThat(batch.entries()).extracting(WriteBatch.Entry::isDelete).containsExactly(false, true, false);
        assertThat(batch.entries().get(0)).isInstanceOf(WriteBatch.Put.class);
        assertThat(batch.entries().get(1)).isInstanceOf(WriteBatch.Delete.class);
        assertThat(batch.size()).isEqualTo(3);
    }

    @Test
    void byteSizeCountsKeysAndValues() {
        final WriteBatch batch = new WriteBatch().put(utf8("key"), utf8("value")).delete(utf8("gone")).put(utf8("e"), new byte[0]);

        assertThat(batch.byteSize()).isEqualTo(3 + 5 + 4 + 1);
    }

    @Test
    void anEmptyBatchHasNoEntriesAndNoBytes() {
        final WriteBatch batch = new WriteBatch();

        assertThat(batch.entries()).isEmpty();
        assertThat(batch.size()).isZero();
        assertThat(batch.byteSize()).isZero();
    }

    @Test
    void missingKeysAndValuesAreRejected() {
        final WriteBatch batch = new WriteBatch();

        assertThatThrownBy(() -> batch.put(null, utf8("v"))).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> batch.put(utf8("k"), null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> batch.delete(null)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThat(batch.size()).isZero();
    }

    @Test
    void aDeleteHasNoValue() {
        final WriteBatch.Entry delete = new WriteBatch().delete(utf8("k")).entries().get(0);

        assertThatThrownBy(delete::value).isInstanceOf(IllegalStateException.class).hasMessage("a delete has no value");
    }

    @Test
    void theEntryListCannotBeModified() {
        final WriteBatch batch = new WriteBatch().put(utf8("k"), utf8("v"));

        assertThatThrownBy(() -> batch.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(batch.size()).isEqualTo(1);
    }
}
