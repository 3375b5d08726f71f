package org.banyan.consensus;

import java.util.Optional;

/**
 * The double-sign guard of spec §2.4: the only judge of whether a signature may be produced. It refuses to go back to
 * an earlier (height, round, step) slot than the last one signed, and to sign a different value in the same slot; the
 * same value in the same slot is allowed, since Ed25519 is deterministic and gives the very same signature again.
 * Because the last signed message is persisted before any signature leaves the node, the guard holds across restarts.
 */
public final class DoubleSignGuard {

    private DoubleSignGuard() {
    }

    /** Why {@code next} must not be signed after {@code lastSigned}, or empty when it may be. */
    public static Optional<String> refusal(final Optional<SignedStep> lastSigned, final SignedStep next) {
        if (lastSigned.isEmpty()) {
            return Optional.empty();
        }
        final SignedStep last = lastSigned.get();
        if (next.compareTo(last) < 0) {
            return Optional.of("refusing to sign " + describe(next) + ": it is before the last signed slot "
                    + describe(last));
        }
        if (next.sameSlot(last) && !next.equals(last)) {
            return Optional.of("refusing to sign " + describe(next) + ": the slot is already signed for "
                    + last.value().map(BlockId::toString).orElse("nil") + " (pol round " + last.polRound() + ")");
        }
        return Optional.empty();
    }

    private static String describe(final SignedStep step) {
        return step.kind() + " at height " + step.height() + " round " + step.round() + " for "
                + step.value().map(BlockId::toString).orElse("nil");
    }
}
