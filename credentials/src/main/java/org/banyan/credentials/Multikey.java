package org.banyan.credentials;

import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.math.ec.ECCurve;

/**
 * The Multikey encoding of keys ({@code publicKeyMultibase}, CID 1.0 §2.2.2): {@code z} + base58btc
 * of the multicodec header and the raw key.
 *
 * <p>Ed25519 public keys encode as {@code z6Mk…}. SM2 public keys use the draft {@code sm2-pub}
 * code over the compressed point, while BIF keeps the uncompressed {@code 04 || X || Y}; this class
 * converts between the two. Ed25519 private keys ({@code ed25519-priv}, {@code z3u2…}) are read so
 * that published key-pair vectors can be used.
 */
public final class Multikey {

    private static final ECCurve SM2_CURVE = GMNamedCurves.getByName("sm2p256v1").getCurve();

    private Multikey() {
    }

    /** The {@code publicKeyMultibase} of a key. */
    public static String encode(final PublicKey publicKey) {
        return switch (publicKey.type()) {
            case ED25519 -> Multibase.encodeBase58Btc(Multicodec.ED25519_PUBLIC_KEY.prefix(publicKey.raw()));
            case SM2 -> Multibase.encodeBase58Btc(Multicodec.SM2_PUBLIC_KEY.prefix(
                    SM2_CURVE.decodePoint(publicKey.raw()).getEncoded(true)));
        };
    }

    /**
     * Decodes a {@code publicKeyMultibase}.
     *
     * @throws IllegalArgumentException if the text is not multibase, the codec is not a supported
     *     public key type, or the bytes are not a valid point
     */
    public static PublicKey decodePublicKey(final String publicKeyMultibase) {
        final byte[] bytes = Multibase.decodeBase58Btc(publicKeyMultibase);
        final Multicodec codec = Multicodec.of(bytes).orElseThrow(() -> new IllegalArgumentException(
                "the multikey has an unsupported multicodec header; expected ed25519-pub (0xed) or sm2-pub (0x1206)"));
        return switch (codec) {
            case ED25519_PUBLIC_KEY -> PublicKey.fromRaw(KeyType.ED25519, codec.strip(bytes));
            case SM2_PUBLIC_KEY -> PublicKey.fromRaw(KeyType.SM2, decompressSm2(codec.strip(bytes)));
            case ED25519_PRIVATE_KEY -> throw new IllegalArgumentException(
                    "the multikey is a private key (ed25519-priv), not a public key");
        };
    }

    /** The {@code secretKeyMultibase} of an Ed25519 key: the {@code ed25519-priv} code over the seed. */
    public static String encodePrivateKey(final PrivateKey privateKey) {
        if (privateKey.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("only Ed25519 private keys have a registered multicodec, not "
                    + privateKey.type());
        }
        return Multibase.encodeBase58Btc(Multicodec.ED25519_PRIVATE_KEY.prefix(privateKey.raw()));
    }

    /**
     * Decodes an Ed25519 {@code secretKeyMultibase}.
     *
     * @throws IllegalArgumentException if the text is not an {@code ed25519-priv} multikey
     */
    public static PrivateKey decodePrivateKey(final String secretKeyMultibase) {
        final byte[] bytes = Multibase.decodeBase58Btc(secretKeyMultibase);
        return PrivateKey.fromRaw(KeyType.ED25519, Multicodec.ED25519_PRIVATE_KEY.strip(bytes));
    }

    private static byte[] decompressSm2(final byte[] compressed) {
        if (compressed[0] != 0x02 && compressed[0] != 0x03) {
            throw new IllegalArgumentException(String.format(
                    "an sm2-pub key is a compressed point starting 0x02 or 0x03, got 0x%02x", compressed[0] & 0xFF));
        }
        try {
            return SM2_CURVE.decodePoint(compressed).getEncoded(false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sm2-pub key is not a point on curve sm2p256v1", e);
        }
    }
}
