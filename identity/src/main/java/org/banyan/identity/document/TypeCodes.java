package org.banyan.identity.document;

import java.util.Set;

/** The numeric type codes of BID documents (RFC-004 §6.1.7) and the service and key type names. */
public final class TypeCodes {

    /** {@code alsoKnownAs.type}: 101 BID, 102 other DID, 103 domain name, 104 UID, 105 handle. */
    public static final Set<Integer> ALIAS_TYPES = Set.of(101, 102, 103, 104, 105);

    /** {@code alsoKnownAs.type} of a BID. */
    public static final int ALIAS_BID = 101;

    /** {@code alsoKnownAs.type} of another DID. */
    public static final int ALIAS_OTHER_DID = 102;

    /** {@code alsoKnownAs.type} of a domain name. */
    public static final int ALIAS_DOMAIN = 103;

    /**
     * {@code extension.type}: 101 person, 102 enterprise, 103 node, 104 smart device, 105 smart contract, 201 image,
     * 202 video, 203 document, 204 resource data, 205 credential, 206 AC code, 999 other.
     */
    public static final Set<Integer> DOCUMENT_TYPES = Set.of(101, 102, 103, 104, 105, 201, 202, 203, 204, 205, 206, 999);

    /** {@code extension.type} of a credential document, whose attributes are a claim, not key-value entries. */
    public static final int DOCUMENT_CREDENTIAL = 205;

    /** {@code extension.type} of an AC-code document: a sub-chain's {@code did:bid:<ac>} with its resolver. */
    public static final int DOCUMENT_AC_CODE = 206;

    /** {@code verifiableCredentials.type}: 201 trusted authentication, 202 education, 203 qualification, 204 authorisation. */
    public static final Set<Integer> CREDENTIAL_TYPES = Set.of(201, 202, 203, 204);

    /** {@code service.protocol}: 0 UDP, 1 TCP, 2 HTTP, 3 HTTPS. */
    public static final Set<Integer> PROTOCOLS = Set.of(0, 1, 2, 3);

    /** {@code service.serverType}: 0 domain name, 1 IP address (which then needs a port). */
    public static final Set<Integer> SERVER_TYPES = Set.of(0, 1);

    /** {@code service.serverType} of an IP address endpoint. */
    public static final int SERVER_IP = 1;

    /** The service type of a sub-chain's resolver, held by its AC-code document. */
    public static final String SUB_RESOLVER = "DIDSubResolver";

    /** {@code attributes.encrypt}: 0 plain, 1 encrypted. */
    public static final Set<Integer> ENCRYPT_FLAGS = Set.of(0, 1);

    private TypeCodes() {
    }
}
