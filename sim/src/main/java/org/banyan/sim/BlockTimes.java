package org.banyan.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.consensus.Vote;

/**
 * S9 time (spec §3.3): block close times strictly increase along the chain and stay within the drift bound of correct
 * clocks. The bound is {@link BlockValidity#MAX_CLOSE_TIME_AHEAD_MICROS}, the drift {@code valid(v)} allows. Clocks
 * only move forward, so what held when a node judged a block still holds when it is decided:
 * <ul>
 *   <li>not ahead: every correct validator that precommitted a block found it valid, so its close time is at most that
 *       validator's clock plus the bound;</li>
 *   <li>not behind: a correct validator builds a block only after deciding the parent, and stamps it with its clock,
 *       so the close time is at least the builder's clock reading at the parent's first decision.</li>
 * </ul>
 * Checked when a correct node decides a block, before it is executed, and at the end over every stored chain.
 */
final class BlockTimes {

    private final World world;
    private final ViolationReporter reporter;
    private final Map<String, SimNode> correctByAddress = new HashMap<>();
    /** Close time of each height's block, as first decided by a correct node. */
    private final Map<Long, Long> closeTimes = new HashMap<>();
    /** Virtual time at which a correct node first decided each height. */
    private final Map<Long, Long> firstDecidedMicros = new HashMap<>();

    BlockTimes(final World world, final ViolationReporter reporter) {
        this.world = world;
        this.reporter = reporter;
        for (final SimNode node : world.nodes) {
            if (node.isCorrect()) {
                correctByAddress.put(node.address, node);
            }
        }
    }

    /** A correct node decided a block; it has not executed it yet. */
    void onDecided(final SimNode node, final CommittedBlock committed) {
        final Block block = committed.getBlock();
        final long height = block.getHeight();
        final long parentCloseTime = height == 1 ? world.genesis.closeTimeMicros()
                : closeTimes.getOrDefault(height - 1, Long.MIN_VALUE);
        if (block.getCloseTime() <= parentCloseTime) {
            reporter.report("S9 time", "node " + node.id + " decided height " + height + " closing at "
                    + block.getCloseTime() + ", not after its parent's close time " + parentCloseTime);
        }
        checkNotAhead(block, committed.getCertificate().getPrecommitsList());
        checkNotBehind(block);
        closeTimes.putIfAbsent(height, block.getCloseTime());
        firstDecidedMicros.putIfAbsent(height, world.nowMicros());
    }

    /** At the end: every correct node's stored chain closes its blocks in strictly increasing time. */
    void atEnd(final List<SimNode> correctNodes) {
        for (final SimNode node : correctNodes) {
            long previous = world.genesis.closeTimeMicros();
            for (final CommittedBlock stored : node.storedBlocks()) {
                if (stored.getBlock().getCloseTime() <= previous) {
                    reporter.report("S9 time", "node " + node.id + " stores height " + stored.getBlock().getHeight()
                            + " closing at " + stored.getBlock().getCloseTime() + ", not after " + previous);
                    return;
                }
                previous = stored.getBlock().getCloseTime();
            }
        }
    }

    private void checkNotAhead(final Block block, final List<Vote> precommits) {
        for (final Vote precommit : precommits) {
            final SimNode signer = correctByAddress.get(precommit.getValidator());
            if (signer == null) {
                continue;
            }
            final long clock = signer.localMicrosAt(world.nowMicros());
            if (block.getCloseTime() > clock + BlockValidity.MAX_CLOSE_TIME_AHEAD_MICROS) {
                reporter.report("S9 time", "height " + block.getHeight() + " closes at " + block.getCloseTime() + ", "
                        + (block.getCloseTime() - clock) + " µs ahead of the clock of correct node " + signer.id
                        + ", which precommitted it; the drift bound is " + BlockValidity.MAX_CLOSE_TIME_AHEAD_MICROS
                        + " µs");
                return;
            }
        }
    }

    private void checkNotBehind(final Block block) {
        final SimNode builder = correctByAddress.get(block.getProposer());
        final Optional<Long> parentDecided = block.getHeight() == 1 ? Optional.of(world.scheduler.startMicros())
                : Optional.ofNullable(firstDecidedMicros.get(block.getHeight() - 1));
        if (builder == null || parentDecided.isEmpty()) {
            return;
        }
        final long clock = builder.localMicrosAt(parentDecided.get());
        if (block.getCloseTime() < clock) {
            reporter.report("S9 time", "height " + block.getHeight() + " built by correct node " + builder.id
                    + " closes at " + block.getCloseTime() + ", " + (clock - block.getCloseTime()) + " µs behind the"
                    + " builder's clock when the parent was decided");
        }
    }
}
