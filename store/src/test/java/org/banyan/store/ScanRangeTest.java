package org.banyan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banyan.store.Bytes.hex;
import static org.banyan.store.Bytes.of;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Where a scan starts and ends, which both stores rely on. */
class ScanRangeTest {

    private static final byte[] EMPTY = new byte[0];

    @Test
    void theSuccessorIncrementsTheLastByteBelowFf() {
        assertThat(ScanRange.successor(of(0x61, 0x62)).map(Bytes::hex)).hasValue("6163");
        assertThat(ScanRange.successor(of(0x01, 0x7F)).map(Bytes::hex)).hasValue("0180");
        assertThat(ScanRange.successor(of(0x01, 0xFE)).map(Bytes::hex)).hasValue("01ff");
    }

    @Test
    void theSuccessorDropsTrailingFfBytes() {
        assertThat(ScanRange.successor(of(0x01, 0xFF, 0xFF)).map(Bytes::hex)).hasValue("02");
    }

    @Test
    void anEmptyOrAllFfPrefixHasNoSuccessor() {
        assertThat(ScanRange.successor(EMPTY)).isEmpty();
        assertThat(ScanRange.successor(of(0xFF, 0xFF))).isEmpty();
    }

    @Test
    void theScanSeeksToTheLargerOfPrefixAndStartKey() {
        assertThat(hex(ScanRange.of(of(0x10), of(0x05), 1).seekKey())).isEqualTo("10");
        assertThat(hex(ScanRange.of(of(0x10), of(0x10, 0x05), 1).seekKey())).isEqualTo("1005");
        assertThat(hex(ScanRange.of(of(0x10), of(0x90), 1).seekKey())).isEqualTo("90");
    }

    @Test
    void aStartKeyPastThePrefixMakesTheRangeEmpty() {
        assertThat(ScanRange.of(of(0x10), of(0x11), 1).isEmpty()).isTrue();
        assertThat(ScanRange.of(of(0x10), of(0x10, 0xFF, 0xFF), 1).isEmpty()).isFalse();
        assertThat(ScanRange.of(of(0xFF), of(0xFF, 0xFF, 0xFF), 1).isEmpty()).isFalse();
    }

    @Test
    void theLimitMayBeZeroButNotNegative() {
        assertThat(ScanRange.of(EMPTY, EMPTY, 0).limit()).isZero();
        assertThat(ScanRange.of(EMPTY, EMPTY, Integer.MAX_VALUE).limit()).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> ScanRange.of(EMPTY, EMPTY, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scan limit must not be negative, got -1");
    }

    @Test
    void theRangeKeepsItsOwnCopyOfTheKeys() {
        final byte[] prefix = of(0x10);
        final ScanRange range = ScanRange.of(prefix, prefix, 1);
        prefix[0] = 0x20;
        range.seekKey()[0] = 0x30;

        assertThat(hex(range.seekKey())).isEqualTo("10");
        assertThat(range.upperBound().map(Bytes::hex)).hasValue("11");
    }

    /** A key is in the range exactly when it has the prefix and is not below the start key. */
    @Test
    void theRangeHoldsExactlyTheKeysWithThePrefixFromTheStartKeyOn() {
        final Gen<byte[]> keys = Generate.byteArrays(Generate.range(0, 3), Generate.pick(
                List.of((byte) 0x00, (byte) 0x01, (byte) 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF)));
        qt().withExamples(2000).forAll(keys, keys, keys).checkAssert((prefix, startKey, key) -> {
            final ScanRange range = ScanRange.of(prefix, startKey, 1);
            final boolean expected = startsWith(key, prefix) && Arrays.compareUnsigned(key, startKey) >= 0;
            final boolean inRange = Arrays.compareUnsigned(key, range.seekKey()) >= 0
                    && range.upperBound().map(bound -> Arrays.compareUnsigned(key, bound) < 0).orElse(true);

            assertThat(inRange).as("key %s, prefix %s, start key %s", hex(key), hex(prefix), hex(startKey)).isEqualTo(expected);
            if (range.isEmpty()) {
                assertThat(expected).isFalse();
            }
        });
    }

    private static boolean startsWith(final byte[] key, final byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
