package org.banyan.identity.document;

/** The caps on a BID document, each with its reason. A document over any of them is a protocol error. */
public final class DocumentLimits {

    /**
     * Canonical UTF-8 bytes of a whole document, proof included: ample for dozens of keys and services, and small
     * enough that a stored document plus its record fits one metadata value (256 KB) many times over and a
     * transaction of documents stays within BIF's 1 MB.
     */
    public static final int MAX_DOCUMENT_BYTES = 32 * 1024;

    /**
     * Entries in any one list of a document (keys, key references, services, attributes, AC codes, credentials,
     * aliases): no real document needs more, and it bounds the cross-checks between lists.
     */
    public static final int MAX_LIST_ENTRIES = 64;

    /** Longest cache lifetime a document may ask resolvers for: one year, in seconds. */
    public static final long MAX_TTL_SECONDS = 365L * 24 * 60 * 60;

    private DocumentLimits() {
    }
}
