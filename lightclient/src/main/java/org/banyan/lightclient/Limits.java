package org.banyan.lightclient;

import org.banyan.trie.StateProof;

/**
 * Every cap the light client enforces on what a gateway, a relayer or the chain's own metadata hands it, each with the
 * reason for its value. Input past a cap is a typed error naming the cap, never an exception or unbounded memory.
 */
public final class Limits {

    /**
     * Characters of a {@link ClientState} or {@link Anchor} in JSON. A client state is dominated by its validators
     * (256 of about 100 characters) and, once frozen, its evidence (two headers and two certificates of at most 256
     * precommits of about 170 bytes, in base64, about 120 KB); an anchor by its certificate (about 60 KB in base64).
     * Both therefore fit the ledger's 256 KiB metadata values they are stored in; the cap leaves twice that, so no
     * stored value reaches it while hostile text is refused before it is parsed.
     */
    public static final int MAX_STATE_JSON_CHARS = 512 * 1024;

    /**
     * Bytes of one {@code CertifiedHeader}: a header of about 300 bytes, a certificate of at most 256 precommits of
     * about 170 bytes (44 KB), the previous ledger header and at most 256 next validators of about 80 bytes (21 KB).
     */
    public static final int MAX_CERTIFIED_HEADER_BYTES = 128 * 1024;

    /**
     * Bytes of one encoded {@code BlockHeader}: eleven fields, six of them 32-byte hashes, and a proposer address,
     * about 300 bytes; the cap leaves room for fields a later version adds and keeps a chain of
     * {@link #MAX_HEADER_CHAIN} headers within 1 MiB.
     */
    public static final int MAX_BLOCK_HEADER_BYTES = 1024;

    /** Bytes of one encoded {@code LedgerHeader}: twelve fields, five of them 32-byte hashes, about 250 bytes. */
    public static final int MAX_LEDGER_HEADER_BYTES = 4 * 1024;

    /**
     * Bytes of one account record in a proof. Its largest part is contract code, which arrives in one transaction of
     * at most 1 MiB (the ledger's transaction cap); the rest of the record is a few hundred bytes.
     */
    public static final int MAX_ACCOUNT_BYTES = 1024 * 1024 + 64 * 1024;

    /**
     * Bytes of one metadata entry ({@code KeyPair}) in a proof: a key of at most 1 KiB and a value of at most
     * 256 KiB (the ledger's metadata caps), plus the version and field tags.
     */
    public static final int MAX_ENTRY_BYTES = 256 * 1024 + 2 * 1024;

    /** Bytes of one state-tree proof: the trie's own bound on its canonical encoding. */
    public static final int MAX_STATE_PROOF_BYTES = StateProof.MAX_ENCODED_BYTES;

    /**
     * Headers from a transaction's block up to the anchored one. A gateway anchors every {@code anchor_every} blocks
     * (1 by default), so a proof spans that many; 1024 allows sparse anchoring while keeping a proof within 1 MiB.
     */
    public static final int MAX_HEADER_CHAIN = 1024;

    /**
     * Hashes in a transaction's Merkle path. A block's transaction count is a 32-bit signed integer, so the RFC 6962
     * tree over it is at most 31 levels deep.
     */
    public static final int MAX_MERKLE_PATH = 31;

    private Limits() {
    }
}
