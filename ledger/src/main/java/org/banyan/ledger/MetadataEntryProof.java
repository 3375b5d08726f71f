package org.banyan.ledger;

import java.util.Objects;
import org.banyan.protocol.LedgerHeader;

/**
 * One metadata entry of one account in one ledger, as raw parts another chain's light client can check against that
 * ledger's {@code account_tree_hash} (see {@code org.banyan.lightclient.EntryProof}):
 * <ol>
 *   <li>{@code accountBlob} is the serialized {@code Account}; SHA-256 of it is the value of
 *       {@link LedgerHashes#accountKey} in the account tree, as {@code accountProof} ({@code StateProof.encode()})
 *       shows;</li>
 *   <li>{@code entry} is the serialized metadata {@code KeyPair}; SHA-256 of it is the value of
 *       {@link LedgerHashes#metadataKey} in the tree whose root is the account's {@code metadatas_hash}, as
 *       {@code entryProof} ({@code StateProof.encode()}) shows.</li>
 * </ol>
 * The arrays are the caller's to keep; nothing else holds them.
 */
public record MetadataEntryProof(LedgerHeader header, byte[] accountBlob, byte[] accountProof, byte[] entry,
                                 byte[] entryProof) {

    public MetadataEntryProof {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(accountBlob, "accountBlob");
        Objects.requireNonNull(accountProof, "accountProof");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entryProof, "entryProof");
    }
}
