package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * What a {@link TransactionProof} established: the transaction with this hash (BIF's, SHA-256 of its blob) is number
 * {@code index} of the block at {@code height}, which the anchored block at {@code anchoredHeight} descends from.
 */
public record ProvenTransaction(ByteString transactionHash, long height, int index, long anchoredHeight) {

    public ProvenTransaction {
        Objects.requireNonNull(transactionHash, "transactionHash");
    }
}
