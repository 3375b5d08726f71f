package org.banyan.consensus;

import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;

/**
 * What a node's consensus core is configured with.
 *
 * @param chainId goes into every signature, so that votes cannot be replayed on another chain
 * @param signingKey the validator key; empty for a node that follows consensus without voting
 */
public record ConsensusConfig(long chainId, Optional<PrivateKey> signingKey, Timeouts timeouts) {

    public ConsensusConfig {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** The BID address this node signs as, if it has a key. */
    public Optional<String> address() {
        return signingKey.map(key -> key.publicKey().address().toString());
    }
}
