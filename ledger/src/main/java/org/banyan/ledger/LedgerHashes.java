package org.banyan.ledger;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.protocol.ConsensusValue;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.ledger.ValidatorsHash;

/**
 * The hashes a ledger header commits to. The header hash is BIF's: SHA-256 of the header serialized
 * with its {@code hash} field empty. Our own commitments (validators, fees, the transaction set) carry
 * a domain tag so that no two kinds of data can hash alike.
 */
public final class LedgerHashes {

    /** State-tree key of an account: SHA-256 of its address string. */
    public static byte[] accountKey(final String address) {
        return Hashes.sha256(address.getBytes(StandardCharsets.UTF_8));
    }

    /** State-tree key of a metadata entry within its account's metadata tree. */
    public static byte[] metadataKey(final String key) {
        return Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash a header carries: SHA-256 of the header with {@code hash} cleared. */
    public static byte[] headerHash(final LedgerHeader header) {
        return Hashes.sha256(header.toBuilder().clearHash().build().toByteArray());
    }

    /** Whether a header's {@code hash} field is the hash of its other fields. */
    public static boolean isSelfConsistent(final LedgerHeader header) {
        return java.util.Arrays.equals(header.getHash().toByteArray(), headerHash(header));
    }

    /** The commitment to a validator set, shared with consensus ({@link ValidatorsHash}). */
    public static byte[] validatorsHash(final List<Validator> validators) {
        return ValidatorsHash.of(validators.stream()
            .map(validator -> new ValidatorsHash.Entry(validator.address(), validator.publicKey(), validator.power()))
            .toList());
    }

    static byte[] feesHash(final FeeSchedule fees) {
        final byte[] tag = "banyan/fees/v1".getBytes(StandardCharsets.UTF_8);
        return Hashes.sha256(ByteBuffer.allocate(tag.length + 16).put(tag)
            .putLong(fees.minGasPrice()).putLong(fees.baseReserve()).array());
    }

    /**
     * The genesis ledger's {@code consensus_value_hash}: every rule of the genesis config, so that the
     * genesis header hash (checked on every restart) changes when any of them does.
     */
    static byte[] genesisRulesHash(final Genesis genesis) {
        final StringBuilder rules = new StringBuilder("banyan/genesis/v1\n")
            .append("chain_id=").append(genesis.chainId()).append('\n')
            .append("accept_unspecified_chain_id=").append(genesis.acceptUnspecifiedChainId()).append('\n')
            .append("close_time=").append(genesis.closeTimeMicros()).append('\n')
            .append("governance_account=").append(genesis.governanceAccount()).append('\n')
            .append("min_gas_price=").append(genesis.fees().minGasPrice()).append('\n')
            .append("base_reserve=").append(genesis.fees().baseReserve()).append('\n');
        genesis.validators().forEach(validator ->
            rules.append("validator=").append(validator.publicKey()).append(',').append(validator.power()).append('\n'));
        genesis.accounts().forEach(account ->
            rules.append("account=").append(account.address()).append(',').append(account.balance()).append('\n'));
        genesis.rules().forEach((key, value) -> rules.append("rule.").append(key).append('=').append(value).append('\n'));
        return Hashes.sha256(rules.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Commits to what consensus agreed on: the ordered transaction hashes, the close time, the parent. */
    static byte[] consensusValueHash(final long seq, final long closeTimeMicros, final byte[] previousHash,
                                     final List<byte[]> transactionHashes) {
        final byte[] concatenated = new byte[transactionHashes.size() * 32];
        for (int index = 0; index < transactionHashes.size(); index++) {
            System.arraycopy(transactionHashes.get(index), 0, concatenated, index * 32, 32);
        }
        return Hashes.sha256(ConsensusValue.newBuilder()
            .setLedgerSeq(seq)
            .setCloseTime(closeTimeMicros)
            .setPreviousLedgerHash(ByteString.copyFrom(previousHash))
            .setTxhash(ByteString.copyFrom(Hashes.sha256(concatenated)))
            .build().toByteArray());
    }

    private LedgerHashes() {
    }
}
