package org.banyan.consensus;

import java.util.Objects;
import java.util.Optional;

/**
 * The consensus state that must survive a crash before any message depending on it leaves the node (the ★ variables
 * of spec §2.3): the last signed message, which drives the {@link DoubleSignGuard}, and the locked and valid values
 * of the height they belong to. The last signed message is kept whole so that a restarted node can send it again.
 *
 * @param height the height {@code locked} and {@code valid} belong to; they mean nothing at any other height
 */
public record SignState(long height, Optional<ConsensusMessage> lastSigned, Optional<RoundValue> locked,
                        Optional<RoundValue> valid) {

    /** A validator that has never signed. */
    public static final SignState EMPTY = new SignState(0, Optional.empty(), Optional.empty(), Optional.empty());

    public SignState {
        Objects.requireNonNull(lastSigned, "lastSigned");
        Objects.requireNonNull(locked, "locked");
        Objects.requireNonNull(valid, "valid");
    }

    /** The slot and value of the last signed message, as the guard compares it. */
    public Optional<SignedStep> lastSignedStep() {
        return lastSigned.map(ConsensusMessage::signedStep);
    }
}
