package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.crypto.MerkleTree;
import org.junit.jupiter.api.Test;

/** How the caps relate to each other and to the caps of the modules the light client reads from. */
class LimitsTest {

    @Test
    void aMerklePathCoversEveryBlockAndStaysWithinTheTreesOwnCap() {
        assertThat(1L << Limits.MAX_MERKLE_PATH).isGreaterThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(Limits.MAX_MERKLE_PATH).isLessThanOrEqualTo(MerkleTree.MAX_PATH_LENGTH);
    }

    @Test
    void anAnchorAtItsCapsFitsTheJsonCap() {
        final int base64Chars = (Limits.MAX_BLOCK_HEADER_BYTES + Limits.MAX_CERTIFIED_HEADER_BYTES + 4) / 3 * 4;
        final int otherFieldsChars = 512;

        assertThat(base64Chars + otherFieldsChars).isLessThan(Limits.MAX_STATE_JSON_CHARS);
    }

    @Test
    void aBlockHeaderFitsACertifiedHeader() {
        assertThat(Limits.MAX_BLOCK_HEADER_BYTES).isLessThan(Limits.MAX_CERTIFIED_HEADER_BYTES);
    }

    @Test
    void aHeaderChainAtItsCapStaysNearOneMebibyte() {
        assertThat(TransactionProof.MAX_ENCODED_BYTES).isLessThan(1024 * 1024 + 8 * 1024);
    }
}
