package org.banyan.ledger;

/**
 * Every cap the ledger enforces, with the reason for its value. BIF 1.x values are kept where BIF
 * publishes them, so that a transaction valid on BIF is valid here.
 */
public final class Limits {

    /** BIF's maximum transaction size (blob plus signatures): one megabyte. */
    public static final int MAX_TRANSACTION_BYTES = 1024 * 1024;

    /** BIF's {@code Transaction.Limit.OPERATIONS}. */
    public static final int MAX_OPERATIONS = 1000;

    /** BIF's {@code Limit.SIGNATURE}: signatures per transaction envelope. */
    public static final int MAX_SIGNATURES = 100;

    /** BIF's {@code Signer.Limit.SIGNER}: signers an account may list. */
    public static final int MAX_SIGNERS = 100;

    /** BIF's {@code METADATA_KEY_MAXSIZE}: metadata keys are 1 to 1024 bytes. */
    public static final int MAX_METADATA_KEY_BYTES = 1024;

    /** BIF's {@code METADATA_MAX_VALUE_SIZE}: 256 KB per metadata value. */
    public static final int MAX_METADATA_VALUE_BYTES = 256 * 1024;

    /** BIF's transaction "remarks" ({@code Transaction.metadata}) cap. */
    public static final int MAX_TRANSACTION_METADATA_BYTES = 256 * 1024;

    /** BIF's {@code TRANSACTION_LOG_TOPIC_MAXSIZE}. */
    public static final int MAX_LOG_TOPIC_BYTES = 128;

    /** BIF's {@code TRANSACTION_LOG_DATA_MAXSIZE}: bytes per log datum. */
    public static final int MAX_LOG_DATA_BYTES = 1024;

    /** Operation types a threshold may name: BIF accepts 1..100. */
    public static final int MAX_OPERATION_TYPE = 100;

    /** Weights are unsigned 32-bit in BIF. */
    public static final long MAX_WEIGHT = 0xFFFF_FFFFL;

    /** Metadata entries one account listing returns; keeps a query from reading an unbounded range. */
    public static final int MAX_METADATA_LISTED = 10_000;

    /** Committed accounts kept decoded in memory; bounds the cache to roughly 100 MB. */
    public static final int ACCOUNT_CACHE_ENTRIES = 200_000;

    /** State-tree nodes kept in memory; the top levels of the tree stay hot for every block. */
    public static final int TRIE_NODE_CACHE_ENTRIES = 1_000_000;

    /** Validators in one set; matches the consensus module's cap, beyond which votes per height grow too costly. */
    public static final int MAX_VALIDATORS = 256;

    /** Voting power of one validator: total power of a full set stays far from overflowing a long. */
    public static final long MAX_VALIDATOR_POWER = 1L << 40;

    /** Bytes of a validator-set call's JSON input: ample for {@link #MAX_VALIDATORS} entries. */
    public static final int MAX_CONTRACT_INPUT_BYTES = 64 * 1024;

    /** Bytes of a read-only query's JSON input: queries name what they read; they carry no documents. */
    public static final int MAX_QUERY_INPUT_BYTES = 64 * 1024;

    /** Parsed signer keys kept for reuse; active accounts sign repeatedly, and a parse costs as much as a verify. */
    public static final int PUBLIC_KEY_CACHE_ENTRIES = 100_000;

    private Limits() {
    }
}
