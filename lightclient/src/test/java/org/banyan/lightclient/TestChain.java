package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.SignBytes;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * A followed chain for tests: real Ed25519 validator keys, headers chained by id, previous ledgers with real hashes,
 * and certificates of real precommits signed over consensus's sign bytes. Deterministic: keys come from their index.
 */
final class TestChain {

    static final long CHAIN_ID = 7001;
    static final long POWER = 10;

    private List<PrivateKey> validators;
    private long height = 1;
    private ByteString previousId = ByteString.copyFrom(Hashes.sha256(new byte[] {1}));

    TestChain(final List<PrivateKey> validators) {
        this.validators = validators;
    }

    /** Validator keys number {@code first} to {@code first + count - 1}. */
    static List<PrivateKey> keys(final int first, final int count) {
        final List<PrivateKey> keys = new ArrayList<>();
        for (int index = first; index < first + count; index++) {
            keys.add(PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(("validator " + index).getBytes())));
        }
        return keys;
    }

    static List<TrustedValidator> trusted(final List<PrivateKey> keys) {
        return keys.stream().map(key -> new TrustedValidator(key.publicKey(), POWER)).toList();
    }

    static ByteString hashOf(final List<PrivateKey> keys) {
        return ClientState.validatorSetOf(trusted(keys)).hash();
    }

    /** A light client that trusts this chain's current validators. */
    ClientState client() {
        return LightClient.initial(CHAIN_ID, trusted(validators)).orElseThrow();
    }

    /** The next height, certified by the current validators, with the same set next. */
    CertifiedHeader next() {
        return nextChangingTo(validators);
    }

    /** The next height, certified by the current validators, naming {@code nextSet} for the height after it. */
    CertifiedHeader nextChangingTo(final List<PrivateKey> nextSet) {
        return next(ledger(height, CHAIN_ID, Hashes.sha256(("state " + height).getBytes())), nextSet);
    }

    /** The next height, whose previous ledger is {@code ledger} (which must be the current height's seq). */
    CertifiedHeader next(final LedgerHeader ledger) {
        return next(ledger, validators);
    }

    private CertifiedHeader next(final LedgerHeader ledger, final List<PrivateKey> nextSet) {
        height++;
        final BlockHeader header = header(height, previousId, validators, nextSet, ledger);
        final CertifiedHeader certified = certify(header, ledger, validators, CHAIN_ID, nextSet);
        previousId = BlockId.of(header).bytes();
        validators = nextSet;
        return certified;
    }

    static LedgerHeader ledger(final long seq, final long chainId, final byte[] stateRoot) {
        return seal(LedgerHeader.newBuilder()
                .setSeq(seq)
                .setPreviousHash(ByteString.copyFrom(Hashes.sha256(("ledger " + (seq - 1)).getBytes())))
                .setAccountTreeHash(ByteString.copyFrom(stateRoot))
                .setCloseTime(1_700_000_000_000_000L + seq * 1_000_000L)
                .setConsensusValueHash(ByteString.copyFrom(Hashes.sha256(("value " + seq).getBytes())))
                .setVersion(1000)
                .setTxCount(3 * seq)
                .setChainId(chainId)
                .build());
    }

    /** The header with its hash field set, as the ledger stores it. */
    static LedgerHeader seal(final LedgerHeader header) {
        return header.toBuilder().setHash(ByteString.copyFrom(LedgerRules.headerHash(header))).build();
    }

    /** The seq of the ledger the next header follows. */
    long nextLedgerSeq() {
        return height;
    }

    static BlockHeader header(final long height, final ByteString previousId, final List<PrivateKey> validators,
                              final List<PrivateKey> nextSet, final LedgerHeader previousLedger) {
        return BlockHeader.newBuilder()
                .setHeight(height)
                .setCloseTime(1_700_000_000_000_000L + height * 1_000_000L)
                .setPreviousHash(previousId)
                .setTransactionsRoot(ByteString.copyFrom(Hashes.sha256(new byte[0])))
                .setEvidenceHash(ByteString.copyFrom(Hashes.sha256("no evidence".getBytes())))
                .setValidatorsHash(hashOf(validators))
                .setNextValidatorsHash(hashOf(nextSet))
                .setProposer(validators.get(0).publicKey().address().toString())
                .setPreviousLedgerHash(ByteString.copyFrom(LedgerRules.headerHash(previousLedger)))
                .build();
    }

    /** The header with a certificate of precommits by {@code signers}, listing {@code nextSet} if it differs. */
    static CertifiedHeader certify(final BlockHeader header, final LedgerHeader ledger, final List<PrivateKey> signers,
                                   final long chainId, final List<PrivateKey> nextSet) {
        final CertifiedHeader.Builder certified = CertifiedHeader.newBuilder()
                .setHeader(header)
                .setCertificate(certificate(header, signers, chainId))
                .setPreviousLedger(ledger);
        if (!header.getNextValidatorsHash().equals(header.getValidatorsHash())) {
            trusted(nextSet).forEach(validator -> certified.addNextValidators(validator.toEntry()));
        }
        return certified.build();
    }

    static CommitCertificate certificate(final BlockHeader header, final List<PrivateKey> signers,
                                         final long chainId) {
        final ByteString blockId = BlockId.of(header).bytes();
        final CommitCertificate.Builder certificate = CommitCertificate.newBuilder()
                .setHeight(header.getHeight()).setRound(0).setBlockId(blockId);
        for (final PrivateKey signer : signers) {
            final Vote unsigned = Vote.newBuilder().setHeight(header.getHeight()).setRound(0)
                    .setType(VoteType.PRECOMMIT).setBlockId(blockId)
                    .setValidator(signer.publicKey().address().toString()).build();
            certificate.addPrecommits(unsigned.toBuilder()
                    .setSignature(ByteString.copyFrom(signer.sign(SignBytes.of(chainId, unsigned)))));
        }
        return certificate.build();
    }

    /** Re-signs a changed header with the chain's current signers, as colluding validators would. */
    static CertifiedHeader resign(final CertifiedHeader original, final BlockHeader changed,
                                  final List<PrivateKey> signers) {
        return original.toBuilder().setHeader(changed)
                .setCertificate(certificate(changed, signers, CHAIN_ID)).build();
    }
}
