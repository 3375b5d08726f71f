package org.banyan.node.chaingroup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.banyan.consensus.BlockHeaders;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Validator;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.chaingroup.ValidatorEntry;
import org.banyan.protocol.consensus.CommittedBlock;

/**
 * What this node proves about its own chain to another chain's light client: the header of a committed block, the
 * certificate stored with it, the ledger the header's {@code previous_ledger_hash} names, and the next validator set
 * when it changes. Built from the ledger's store, so every node of the chain serves the same bytes.
 */
public final class CertifiedHeaders {

    private final Ledger ledger;

    /** The certified headers of this ledger's chain. */
    public CertifiedHeaders(final Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * Height {@code seq}'s certified header; empty when the ledger has no certificate for it (a height not committed
     * yet, the genesis ledger, or any ledger of a solo node, which runs no consensus).
     */
    public Optional<CertifiedHeader> at(final long seq) {
        if (seq < 2 || seq > ledger.lastHeader().getSeq()) {
            return Optional.empty();
        }
        final Optional<CommittedBlock> committed = ledger.committedBlock(seq);
        final Optional<LedgerHeader> previous = ledger.header(seq - 1);
        if (committed.isEmpty() || previous.isEmpty()) {
            return Optional.empty();
        }
        final CertifiedHeader.Builder certified = CertifiedHeader.newBuilder()
            .setHeader(BlockHeaders.of(committed.get().getBlock()))
            .setCertificate(committed.get().getCertificate())
            .setPreviousLedger(previous.get());
        if (!certified.getHeader().getNextValidatorsHash().equals(certified.getHeader().getValidatorsHash())) {
            certified.addAllNextValidators(entries(ledger.validators(seq + 1)));
        }
        return Optional.of(certified.build());
    }

    /** The latest height with a certificate. */
    public Optional<CertifiedHeader> latest() {
        return at(ledger.lastHeader().getSeq());
    }

    private static List<ValidatorEntry> entries(final List<Validator> validators) {
        return validators.stream()
            .map(validator -> ValidatorEntry.newBuilder().setPublicKey(validator.publicKey())
                .setPower(validator.power()).build())
            .toList();
    }
}
