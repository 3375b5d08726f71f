package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.banyan.consensus.ConsensusMessage;
import org.banyan.consensus.SignatureVerifier;
import org.banyan.crypto.Hashes;

/**
 * The signatures simulated validators produced, for {@link SignatureMode#FAST}. Every message a node sends under its
 * own address is registered as it leaves; a message is then "verified" when its (signer, sign bytes, signature)
 * triple was registered. Only the signer's own node registers, so a message no validator signed never verifies:
 * the closed-world equivalent of unforgeable signatures.
 */
final class SignatureRegistry {

    private final long chainId;
    private final Set<ByteString> produced = new HashSet<>();

    SignatureRegistry(final long chainId) {
        this.chainId = chainId;
    }

    /** Registers a message its signer's node is sending. */
    void register(final ConsensusMessage message) {
        produced.add(entry(message.sender(), message.signBytes(chainId), message.signature()));
    }

    /** A verifier that accepts exactly the registered signatures. */
    SignatureVerifier verifier() {
        return (key, message, signature) -> produced.contains(entry(key.address().toString(), message, signature));
    }

    private static ByteString entry(final String signer, final byte[] signBytes, final byte[] signature) {
        final byte[] digest = Hashes.sha256(Hashes.sha256(signer.getBytes(StandardCharsets.US_ASCII), signBytes),
                signature);
        return ByteString.copyFrom(digest);
    }
}
