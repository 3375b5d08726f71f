package org.banyan.sdk;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.banyan.protocol.LedgerHeader;

/**
 * The node's proof that an account is, or is not, in the state of a ledger ({@code getAccountProof}). Check it with
 * {@link AccountProofVerifier} before trusting anything in it.
 */
public record AccountProofResponse(String address, long ledgerSeq, LedgerHeader header,
                                   Optional<ByteString> accountBlob, ByteString proof) {
}
