package org.banyan.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Writes are volatile until synced; a crash keeps exactly what was synced. */
class SimDiskTest {

    @Test
    void aCrashKeepsSyncedWritesAndLosesTheRest() {
        final SimDisk disk = new SimDisk();
        disk.put("a", bytes("1"));
        disk.put("b", bytes("2"));
        disk.sync();
        disk.put("a", bytes("3"));
        disk.delete("b");
        disk.put("c", bytes("4"));
        assertThat(disk.get("a")).hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("3")));
        assertThat(disk.get("b")).isEmpty();

        assertThat(disk.crash()).isEqualTo(3);

        assertThat(disk.get("a")).hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("1")));
        assertThat(disk.get("b")).hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("2")));
        assertThat(disk.get("c")).isEmpty();
    }

    @Test
    void oneSyncMakesEveryEarlierWriteDurable() {
        final SimDisk disk = new SimDisk();
        disk.put("journal/1", bytes("x"));
        disk.put("state", bytes("y"));
        disk.delete("journal/1");
        disk.put("journal/2", bytes("z"));
        disk.sync();

        assertThat(disk.crash()).isZero();
        assertThat(disk.values("journal/")).containsExactly(bytes("z"));
        assertThat(disk.get("state")).isPresent();
    }

    @Test
    void valuesMergeSyncedAndUnsyncedWritesInKeyOrder() {
        final SimDisk disk = new SimDisk();
        disk.put("p/2", bytes("b"));
        disk.sync();
        disk.put("p/1", bytes("a"));
        disk.put("q/1", bytes("other"));

        assertThat(disk.values("p/")).containsExactly(bytes("a"), bytes("b"));
    }

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
