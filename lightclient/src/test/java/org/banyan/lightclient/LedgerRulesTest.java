package org.banyan.lightclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.ledger.LedgerHashes;
import org.banyan.protocol.LedgerHeader;
import org.junit.jupiter.api.Test;

/** The hashing rules the light client repeats are the ledger's own, so proofs from real nodes verify. */
class LedgerRulesTest {

    @Test
    void stateTreeKeysAreTheLedgers() {
        for (final String text : new String[] {"did:bid:efAlice", "order/abcd/1", "", "键"}) {
            assertThat(LedgerRules.accountKey(text)).isEqualTo(LedgerHashes.accountKey(text));
            assertThat(LedgerRules.metadataKey(text)).isEqualTo(LedgerHashes.metadataKey(text));
        }
    }

    @Test
    void theLedgerHeaderHashIsTheLedgers() {
        final LedgerHeader header = TestChain.ledger(12, TestChain.CHAIN_ID, new byte[32]);

        assertThat(LedgerRules.headerHash(header)).isEqualTo(LedgerHashes.headerHash(header));
        assertThat(LedgerHashes.isSelfConsistent(header)).isTrue();
    }
}
