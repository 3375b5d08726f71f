/**
 * W3C verifiable credentials for Banyan: VC Data Model 2.0 credentials and presentations secured with
 * Data Integrity {@code eddsa-rdfc-2022} and {@code eddsa-jcs-2022} proofs, {@code did:key},
 * Multikey and multibase codecs, and BIF-style JWS credentials signed with Ed25519 or SM2.
 *
 * <p>Entry points: {@link org.banyan.credentials.CredentialsApi} (the VC-API endpoints the node serves),
 * {@link org.banyan.credentials.CredentialSigner} (issue, present),
 * {@link org.banyan.credentials.CredentialVerifier} (verify), {@link org.banyan.credentials.BifCredentials}
 * (JWS credentials and revocation requests). The node plugs in {@code did:bid} key resolution through
 * {@link org.banyan.credentials.VerificationMethodResolver} and the on-chain revocation registry through
 * {@link org.banyan.credentials.RevocationCheck}.
 *
 * <p>No clock is read: every operation that depends on time takes it as a parameter. No network is used:
 * JSON-LD contexts come only from {@link org.banyan.credentials.BundledContexts}. Every input is bounded by
 * {@link org.banyan.credentials.Limits}.
 */
package org.banyan.credentials;
