/**
 * BIF 1.x cryptography: codecs, keys, signatures, addresses and the keystore.
 *
 * <p>Formats, as the BIF Java SDK and node use them:
 * <ul>
 *   <li><b>Base58</b> ({@link org.banyan.crypto.Base58}): alphabet
 *       {@code 123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz} (Bitcoin's with B/b and U/u swapped).</li>
 *   <li><b>Public key</b> ({@link org.banyan.crypto.PublicKey}): hex of {@code 0xB0 || 'e'|'z' || 'f' || raw};
 *       Ed25519 raw is the 32-byte point, SM2 raw the 65-byte uncompressed point {@code 04 || X || Y}.</li>
 *   <li><b>Private key</b> ({@link org.banyan.crypto.PrivateKey}): Base58 of
 *       {@code 0x18 0x9E 0x99 || 'e'|'z' || 'f' || raw32}, always starting {@code pri}; Ed25519 raw is the
 *       seed, SM2 raw the scalar.</li>
 *   <li><b>Signatures</b>: 64 bytes. Ed25519 per RFC 8032; SM2 per GB/T 32918.2 with SM3, user ID
 *       {@code 1234567812345678} and plain {@code r || s}, not DER. Both sign deterministically.</li>
 *   <li><b>Address</b> ({@link org.banyan.crypto.Address}): {@code did:bid:[<ac>:]ef|zf Base58(h[10..32))} where
 *       {@code h} is SHA-256 (Ed25519) or SM3 (SM2) of the raw public key; {@link org.banyan.crypto.BidSyntax}
 *       checks the general RFC-004 BID grammar.</li>
 *   <li><b>Keystore</b> ({@link org.banyan.crypto.Keystore}): version 2 JSON, scrypt then AES-CTR over the
 *       encoded private key.</li>
 *   <li><b>Merkle tree</b> ({@link org.banyan.crypto.MerkleTree}): RFC 6962 over SHA-256, leaf prefix
 *       {@code 0x00}, node prefix {@code 0x01}, audit paths bottom-up; Banyan's block headers commit to their
 *       transactions with it.</li>
 * </ul>
 *
 * <p>The package does no I/O, starts no threads and reads no clock. Key generation and keystore
 * encryption take their randomness from the caller; signing needs none.
 */
package org.banyan.crypto;
