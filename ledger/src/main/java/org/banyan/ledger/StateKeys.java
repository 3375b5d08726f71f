package org.banyan.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's key layout in the key-value store. Each kind of record has a one-letter prefix so that
 * a prefix scan reads one kind; numbers are big-endian so that keys sort by number.
 * <ul>
 *   <li>{@code a:<address>} → serialized {@code Account}</li>
 *   <li>{@code m:<address>\0<key>} → serialized metadata {@code KeyPair}</li>
 *   <li>{@code h:<seq>} → serialized {@code LedgerHeader}</li>
 *   <li>{@code t:<hash>} → serialized {@code TransactionEnvStore}</li>
 *   <li>{@code l:<seq><index>} → hash of the index-th transaction of ledger seq</li>
 *   <li>{@code n:<hash>} → a state-tree node, content-addressed and immutable</li>
 *   <li>{@code v:<hash>} → an account as it was at some ledger, under the hash the state tree commits to</li>
 *   <li>{@code w:<seq>} → the validator set effective from ledger seq ({@code ValidatorSetRecord})</li>
 *   <li>{@code b:<seq>} → the consensus block and commit certificate of ledger seq ({@code CommittedBlock})</li>
 *   <li>{@code s:last} → seq of the last committed ledger</li>
 * </ul>
 */
final class StateKeys {

    static final byte[] LAST_SEQ = ascii("s:last");

    private StateKeys() {
    }

    static byte[] account(final String address) {
        return ascii("a:" + address);
    }

    static byte[] metadataPrefix(final String address) {
        return concat(ascii("m:" + address), new byte[] {0});
    }

    static byte[] metadata(final String address, final String key) {
        return concat(metadataPrefix(address), key.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] header(final long seq) {
        return ByteBuffer.allocate(10).put((byte) 'h').put((byte) ':').putLong(seq).array();
    }

    static byte[] transaction(final byte[] hash) {
        return concat(ascii("t:"), hash);
    }

    static byte[] ledgerTransactionsPrefix(final long seq) {
        return ByteBuffer.allocate(10).put((byte) 'l').put((byte) ':').putLong(seq).array();
    }

    static byte[] ledgerTransaction(final long seq, final int index) {
        return ByteBuffer.allocate(14).put((byte) 'l').put((byte) ':').putLong(seq).putInt(index).array();
    }

    static final byte[] VALIDATOR_SETS_PREFIX = ascii("w:");

    static byte[] validatorSet(final long effectiveSeq) {
        return ByteBuffer.allocate(10).put((byte) 'w').put((byte) ':').putLong(effectiveSeq).array();
    }

    static byte[] committedBlock(final long seq) {
        return ByteBuffer.allocate(10).put((byte) 'b').put((byte) ':').putLong(seq).array();
    }

    static byte[] trieNode(final byte[] hash) {
        return concat(ascii("n:"), hash);
    }

    static byte[] accountVersion(final byte[] valueHash) {
        return concat(ascii("v:"), valueHash);
    }

    static byte[] encodeLong(final long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    static long decodeLong(final byte[] bytes) {
        Verify.that(bytes.length == 8, "a stored number must be 8 bytes");
        return ByteBuffer.wrap(bytes).getLong();
    }

    private static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(final byte[] first, final byte[] second) {
        final byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
