package org.banyan.lightclient;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.CommitCertificateVerifier;
import org.banyan.consensus.SignatureVerifier;
import org.banyan.consensus.ValidatorSet;
import org.banyan.consensus.Verdict;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.chaingroup.ValidatorEntry;
import org.banyan.protocol.consensus.BlockHeader;

/**
 * The light-client rule of the chain-group design, section 2, used in both directions: the main chain follows each
 * sub-chain, and each sub-chain follows the main chain. Pure: the caller stores the state and the anchors, and passes
 * in the anchor lookup.
 *
 * <p>An update with a {@code CertifiedHeader} for height H is checked in the design's order:
 * <ol>
 *   <li>a frozen client refuses everything;</li>
 *   <li>H already anchored: the same block is refused as stale; a different block whose certificate verifies against
 *       the trusted set is misbehaviour, which freezes the client with both headers and certificates as evidence;</li>
 *   <li>H below the latest anchored height is refused as rewound;</li>
 *   <li>the header must name the trusted validator set;</li>
 *   <li>the certificate must be for this header and verify against the trusted set with the followed chain's id, and
 *       the previous ledger must be ledger H - 1 of that chain with the hash the header names;</li>
 *   <li>when the header's next set differs, its entries must be given and hash to it, and they become the trusted
 *       set.</li>
 * </ol>
 * Every refusal says in plain English which rule failed, and leaves the state as it was.
 */
public final class LightClient {

    private LightClient() {
    }

    /** A client of chain {@code chainId} that trusts {@code validators} for the first height it will accept. */
    public static Checked<ClientState> initial(final long chainId, final List<TrustedValidator> validators) {
        return clientOf(chainId, validators, 0);
    }

    /**
     * Governance recovery: the client of the same chain, unfrozen, trusting {@code validators} from above
     * {@code height}, which becomes its latest height. Anchors the caller kept stay as they are.
     */
    public static Checked<ClientState> reset(final ClientState state, final List<TrustedValidator> validators,
                                             final long height) {
        if (height < 0) {
            return Checked.invalid("a reset height must not be negative, got " + height);
        }
        return clientOf(state.chainId(), validators, height);
    }

    /** Parses the base64 text of a {@code CertifiedHeader}, as contract calls carry it. */
    public static Checked<CertifiedHeader> decodeCertifiedHeader(final String base64) {
        return Bytes.decodeBase64(base64, Limits.MAX_CERTIFIED_HEADER_BYTES, "a certified header", bytes -> {
            try {
                return Checked.ok(CertifiedHeader.parseFrom(bytes));
            } catch (final InvalidProtocolBufferException e) {
                return Checked.invalid("the certified header does not parse: " + e.getMessage());
            }
        });
    }

    /**
     * Applies the rule to one certified header.
     *
     * @param anchoredAt the anchor this client stored for a height, if any
     */
    public static UpdateResult update(final ClientState state, final CertifiedHeader certified,
                                      final LongFunction<Optional<Anchor>> anchoredAt) {
        if (state.frozen().isPresent()) {
            return refused("the light client of chain " + state.chainId() + " is frozen: "
                    + state.frozen().get().reason());
        }
        final Optional<String> malformed = shapeProblem(certified);
        if (malformed.isPresent()) {
            return refused(malformed.get());
        }
        final BlockHeader header = certified.getHeader();
        final long height = header.getHeight();
        final BlockId blockId = BlockId.of(header);
        final Optional<Anchor> anchored = anchoredAt.apply(height);
        if (anchored.isPresent()) {
            return againstAnchored(state, certified, blockId, height, anchored.get());
        }
        if (height < state.latestHeight()) {
            return refused("height " + height + " is below the latest anchored height " + state.latestHeight());
        }
        if (!header.getValidatorsHash().equals(state.validatorsHash())) {
            return refused("the header names validator set " + Bytes.hex(header.getValidatorsHash())
                    + "; the light client trusts " + Bytes.hex(state.validatorsHash())
                    + "; anchor the height where the set changed first");
        }
        final Optional<String> uncertified = certificateProblem(state, certified)
                .or(() -> previousLedgerProblem(state, certified));
        if (uncertified.isPresent()) {
            return refused(uncertified.get());
        }
        final Checked<List<TrustedValidator>> nextValidators = nextValidators(state, certified);
        if (nextValidators instanceof Checked.Invalid<List<TrustedValidator>> invalid) {
            return refused(invalid.reason());
        }
        final List<TrustedValidator> trusted = nextValidators.orElseThrow();
        final ClientState next = new ClientState(state.chainId(), trusted, ClientState.validatorSetOf(trusted).hash(),
                height, Optional.of(blockId), Optional.empty());
        return new UpdateResult.Accepted(next, anchorOf(certified, blockId));
    }

    private static Checked<ClientState> clientOf(final long chainId, final List<TrustedValidator> validators,
                                                 final long height) {
        final ValidatorSet set;
        try {
            set = ClientState.validatorSetOf(validators);
        } catch (final IllegalArgumentException e) {
            return Checked.invalid("the validators are not a valid set: " + e.getMessage());
        }
        return Checked.ok(new ClientState(chainId, validators, set.hash(), height, Optional.empty(), Optional.empty()));
    }

    /** Step 2: a header for a height this client already anchored. */
    private static UpdateResult againstAnchored(final ClientState state, final CertifiedHeader certified,
                                                final BlockId blockId, final long height, final Anchor anchored) {
        if (anchored.height() != height) {
            throw new IllegalStateException("the anchor lookup gave height " + anchored.height() + " for " + height);
        }
        if (anchored.blockId().equals(blockId)) {
            return refused("height " + height + " is already anchored");
        }
        final Optional<String> uncertified = certificateProblem(state, certified);
        if (uncertified.isPresent()) {
            return refused("height " + height + " is already anchored as block " + anchored.blockId()
                    + ", and the conflicting header's certificate does not verify: " + uncertified.get());
        }
        final String evidence = evidence(state, anchored, certified, blockId);
        final String reason = "the validators of chain " + state.chainId() + " certified two blocks at height "
                + height + ": " + anchored.blockId() + " (anchored) and " + blockId;
        final ClientState frozen = new ClientState(state.chainId(), state.validators(), state.validatorsHash(),
                state.latestHeight(), state.latestBlockId(), Optional.of(new ClientState.Frozen(reason, evidence)));
        return new UpdateResult.Misbehaviour(frozen, evidence);
    }

    private static Optional<String> shapeProblem(final CertifiedHeader certified) {
        if (certified.getSerializedSize() > Limits.MAX_CERTIFIED_HEADER_BYTES) {
            return Optional.of("a certified header is at most " + Limits.MAX_CERTIFIED_HEADER_BYTES + " bytes, got "
                    + certified.getSerializedSize());
        }
        if (!certified.hasHeader() || !certified.hasCertificate() || !certified.hasPreviousLedger()) {
            return Optional.of("a certified header needs its header, its certificate and its previous ledger");
        }
        final BlockHeader header = certified.getHeader();
        if (header.getSerializedSize() > Limits.MAX_BLOCK_HEADER_BYTES) {
            return Optional.of("a block header is at most " + Limits.MAX_BLOCK_HEADER_BYTES + " bytes, got "
                    + header.getSerializedSize());
        }
        if (header.getHeight() < 1) {
            return Optional.of("a certified header's height is at least 1, got " + header.getHeight());
        }
        if (header.getValidatorsHash().size() != Bytes.HASH_BYTES
                || header.getNextValidatorsHash().size() != Bytes.HASH_BYTES
                || header.getPreviousLedgerHash().size() != Bytes.HASH_BYTES
                || certified.getPreviousLedger().getAccountTreeHash().size() != Bytes.HASH_BYTES) {
            return Optional.of("the header's validator-set and previous-ledger hashes and the previous ledger's state"
                    + " root must be " + Bytes.HASH_BYTES + " bytes each");
        }
        return Optional.empty();
    }

    /** Step 5, first half: the certificate commits this very header, signed by the trusted set on this chain. */
    private static Optional<String> certificateProblem(final ClientState state, final CertifiedHeader certified) {
        final Verdict verdict = new CommitCertificateVerifier(state.chainId(), SignatureVerifier.PUBLIC_KEY)
                .verify(certified.getHeader(), certified.getCertificate(), state.validatorSet());
        if (verdict instanceof Verdict.Rejected rejected) {
            return Optional.of("the certificate does not verify against the trusted validators: "
                    + rejected.reason());
        }
        return Optional.empty();
    }

    /** Step 5, second half: the previous ledger is the one the header commits to. */
    private static Optional<String> previousLedgerProblem(final ClientState state, final CertifiedHeader certified) {
        final LedgerHeader ledger = certified.getPreviousLedger();
        final long height = certified.getHeader().getHeight();
        if (ledger.getSeq() != height - 1) {
            return Optional.of("the previous ledger is ledger " + ledger.getSeq() + "; the header at height "
                    + height + " follows ledger " + (height - 1));
        }
        if (ledger.getChainId() != state.chainId()) {
            return Optional.of("the previous ledger is of chain " + ledger.getChainId()
                    + "; the light client follows chain " + state.chainId());
        }
        final ByteString hash = ByteString.copyFrom(LedgerRules.headerHash(ledger));
        if (!ledger.getHash().isEmpty() && !ledger.getHash().equals(hash)) {
            return Optional.of("the previous ledger's hash field " + Bytes.hex(ledger.getHash())
                    + " is not its hash " + Bytes.hex(hash));
        }
        if (!certified.getHeader().getPreviousLedgerHash().equals(hash)) {
            return Optional.of("the header names previous ledger " + Bytes.hex(certified.getHeader()
                    .getPreviousLedgerHash()) + "; the ledger given hashes to " + Bytes.hex(hash));
        }
        return Optional.empty();
    }

    /** Step 6: the set trusted after this height. */
    private static Checked<List<TrustedValidator>> nextValidators(final ClientState state,
                                                                  final CertifiedHeader certified) {
        final BlockHeader header = certified.getHeader();
        if (header.getNextValidatorsHash().equals(header.getValidatorsHash())) {
            return certified.getNextValidatorsCount() == 0 ? Checked.ok(state.validators())
                    : Checked.invalid("the header keeps its validator set for height " + (header.getHeight() + 1)
                            + " but lists next validators");
        }
        if (certified.getNextValidatorsCount() == 0) {
            return Checked.invalid("the header changes the validator set at height " + (header.getHeight() + 1)
                    + " to " + Bytes.hex(header.getNextValidatorsHash()) + " but lists no next validators");
        }
        if (certified.getNextValidatorsCount() > org.banyan.consensus.Limits.MAX_VALIDATORS) {
            return Checked.invalid("a validator set has at most " + org.banyan.consensus.Limits.MAX_VALIDATORS
                    + " validators; the header lists " + certified.getNextValidatorsCount());
        }
        final List<TrustedValidator> validators = new ArrayList<>(certified.getNextValidatorsCount());
        for (final ValidatorEntry entry : certified.getNextValidatorsList()) {
            final Checked<TrustedValidator> validator = TrustedValidator.of(entry);
            if (validator instanceof Checked.Invalid<TrustedValidator> invalid) {
                return Checked.invalid("next validator " + validators.size() + ": " + invalid.reason());
            }
            validators.add(validator.orElseThrow());
        }
        final ByteString hash;
        try {
            hash = ClientState.validatorSetOf(validators).hash();
        } catch (final IllegalArgumentException e) {
            return Checked.invalid("the next validators are not a valid set: " + e.getMessage());
        }
        if (!hash.equals(header.getNextValidatorsHash())) {
            return Checked.invalid("the next validators hash to " + Bytes.hex(hash) + "; the header names "
                    + Bytes.hex(header.getNextValidatorsHash()));
        }
        return Checked.ok(validators);
    }

    private static Anchor anchorOf(final CertifiedHeader certified, final BlockId blockId) {
        final LedgerHeader ledger = certified.getPreviousLedger();
        return new Anchor(certified.getHeader().getHeight(), blockId, certified.getHeader().toByteString(),
                certified.getCertificate().toByteString(), ledger.getSeq(),
                certified.getHeader().getPreviousLedgerHash(), ledger.getAccountTreeHash(), ledger.getTxCount(),
                ledger.getCloseTime());
    }

    /** Both sides of the fork, in JSON, enough for anyone to re-check both certificates. */
    private static String evidence(final ClientState state, final Anchor anchored, final CertifiedHeader conflicting,
                                   final BlockId conflictingId) {
        final ObjectNode root = JsonFields.MAPPER.createObjectNode()
                .put("chain_id", state.chainId())
                .put("height", anchored.height());
        root.putObject("anchored")
                .put("block_id", Bytes.hex(anchored.blockId().bytes()))
                .put("header", Bytes.base64(anchored.header().toByteArray()))
                .put("certificate", Bytes.base64(anchored.certificate().toByteArray()));
        root.putObject("conflicting")
                .put("block_id", Bytes.hex(conflictingId.bytes()))
                .put("header", Bytes.base64(conflicting.getHeader().toByteArray()))
                .put("certificate", Bytes.base64(conflicting.getCertificate().toByteArray()));
        return JsonFields.write(root);
    }

    private static UpdateResult refused(final String reason) {
        return new UpdateResult.Refused(reason);
    }
}
