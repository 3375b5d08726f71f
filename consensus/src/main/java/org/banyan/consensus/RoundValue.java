package org.banyan.consensus;

import java.util.Objects;
import org.banyan.protocol.consensus.Block;

/** A block together with the round it was locked or found valid in (the spec's lockedValue/lockedRound pairs). */
public record RoundValue(int round, BlockId blockId, Block block) {

    public RoundValue {
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(block, "block");
        Verify.that(round >= 0, "a locked or valid round is not negative");
    }

    /** The value of a block in a round, with its id computed. */
    public static RoundValue of(final int round, final Block block) {
        return new RoundValue(round, BlockId.of(block), block);
    }
}
