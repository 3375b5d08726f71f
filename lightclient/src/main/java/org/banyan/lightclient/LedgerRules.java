package org.banyan.lightclient;

import java.nio.charset.StandardCharsets;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.LedgerHeader;

/**
 * The followed chain's hashing rules that a light client must repeat without the ledger module: the ledger header
 * hash (BIF's, SHA-256 of the header with {@code hash} cleared) and the state-tree keys of accounts and metadata
 * entries (SHA-256 of the UTF-8 address or key). {@code LedgerRulesTest} checks them against the ledger's own.
 */
final class LedgerRules {

    private LedgerRules() {
    }

    static byte[] headerHash(final LedgerHeader header) {
        return Hashes.sha256(header.toBuilder().clearHash().build().toByteArray());
    }

    static byte[] accountKey(final String address) {
        return Hashes.sha256(address.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] metadataKey(final String key) {
        return Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    }
}
