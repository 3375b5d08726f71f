package org.banyan.node.chaingroup;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.banyan.consensus.BlockHeaders;
import org.banyan.consensus.TransactionProof;
import org.banyan.crypto.Hex;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.MetadataEntryProof;
import org.banyan.ledger.Outcome;
import org.banyan.lightclient.AccountProof;
import org.banyan.lightclient.AccountStateProof;
import org.banyan.lightclient.EntryProof;
import org.banyan.lightclient.Limits;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.protocol.consensus.CommittedBlock;

/**
 * The proofs a node builds from its own ledger for another chain's light client: a transaction of this chain up to an
 * anchored height, an account at an anchored state, and a metadata entry (an anchor, an order) at a certified
 * ledger. Answers are values or a BIF error; nothing here trusts the caller's numbers beyond their range.
 */
public final class ChainGroupProofs {

    private final Ledger ledger;

    /** Proofs from this ledger. */
    public ChainGroupProofs(final Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * Proves the committed transaction {@code hashHex} against the block at {@code anchoredHeight}: its Merkle path in
     * its block and the headers from its block up to the anchored one.
     */
    public Outcome<org.banyan.lightclient.TransactionProof> transaction(final String hashHex, final long anchoredHeight) {
        final byte[] hash;
        try {
            hash = Hex.decode(hashHex);
        } catch (final IllegalArgumentException e) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER, "hash must be a transaction hash in hex");
        }
        final Optional<TransactionEnvStore> record = ledger.transaction(hash);
        if (record.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "transaction " + hashHex + " is not committed here");
        }
        final long height = record.get().getLedgerSeq();
        if (height > anchoredHeight) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "transaction " + hashHex + " is in height " + height
                + ", after the anchored height " + anchoredHeight + "; ask again once a later height is anchored");
        }
        if (anchoredHeight - height + 1 > Limits.MAX_HEADER_CHAIN) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER, "the anchored height " + anchoredHeight
                + " is more than " + Limits.MAX_HEADER_CHAIN + " blocks after the transaction's height " + height);
        }
        final List<ByteString> headers = new ArrayList<>();
        Optional<TransactionProof> inclusion = Optional.empty();
        for (long seq = height; seq <= anchoredHeight; seq++) {
            final Optional<CommittedBlock> committed = ledger.committedBlock(seq);
            if (committed.isEmpty()) {
                return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "height " + seq + " has no certified block here");
            }
            if (seq == height) {
                inclusion = TransactionProof.find(committed.get().getBlock(), ByteString.copyFrom(hash));
            }
            headers.add(BlockHeaders.of(committed.get().getBlock()).toByteString());
        }
        return inclusion.<Outcome<org.banyan.lightclient.TransactionProof>>map(proof ->
                Outcome.ok(new org.banyan.lightclient.TransactionProof(proof, headers)))
            .orElseGet(() -> Outcome.failed(ERRORCODE.ERRCODE_INTERNAL_ERROR, "transaction " + hashHex
                + " is recorded in height " + height + " but its block does not hold it"));
    }

    /** Proves account {@code address} (or its absence) in the state that anchored height {@code anchoredHeight} names. */
    public Outcome<AccountStateProof> account(final String address, final long anchoredHeight) {
        final Optional<org.banyan.ledger.AccountProof> proof = ledger.accountProof(address, anchoredHeight - 1);
        if (proof.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "ledger " + (anchoredHeight - 1) + " does not exist here");
        }
        return Outcome.ok(new AccountStateProof(proof.get().header().toByteString(),
            new AccountProof(proof.get().accountBlob().map(ByteString::copyFrom).orElse(ByteString.EMPTY),
                ByteString.copyFrom(proof.get().proof().encode()))));
    }

    /** Proves metadata entry {@code key} of account {@code address} at ledger {@code seq}. */
    public Outcome<EntryProof> entry(final String address, final String key, final long seq) {
        final Outcome<MetadataEntryProof> parts = ledger.entryProof(address, key, seq);
        if (!parts.isOk()) {
            return Outcome.failed(parts.error());
        }
        final MetadataEntryProof proof = parts.value();
        return Outcome.ok(new EntryProof(new AccountProof(ByteString.copyFrom(proof.accountBlob()),
            ByteString.copyFrom(proof.accountProof())), ByteString.copyFrom(proof.entry()),
            ByteString.copyFrom(proof.entryProof())));
    }

    /** The header of ledger {@code seq}, if it exists. */
    public Optional<LedgerHeader> ledgerHeader(final long seq) {
        return ledger.header(seq);
    }
}
