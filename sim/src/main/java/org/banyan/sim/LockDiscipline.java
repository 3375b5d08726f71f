package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.banyan.consensus.ValidatorSet;
import org.banyan.crypto.Hex;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;

/**
 * S6 lock discipline, judged from what correct nodes sign and what was delivered to them (spec §3.3, the negation of
 * {@code AmnesiaBy} in TendermintAcc_004): a node that precommitted block v1 in round r1 of a height may prevote
 * another block v2 in a later round r2 only if, before it signed, it had received a quorum of prevotes for v2 in some
 * round of [r1, r2). Nil prevotes are always allowed: they release nothing.
 *
 * <p>Everything is kept per node and height, across the node's restarts (a lock must outlive a crash), and dropped
 * once the node committed the height.
 */
final class LockDiscipline {

    /** What one node did and received at one height. */
    private static final class HeightRecord {
        /** Blocks the node precommitted, by round. */
        final NavigableMap<Integer, ByteString> precommits = new TreeMap<>();
        /** Signers of the prevotes delivered to the node, its own included, by round and block. */
        final NavigableMap<Integer, Map<ByteString, Set<String>>> prevotes = new TreeMap<>();
    }

    private final ViolationReporter reporter;
    private final FaultCounts counts;
    private final Map<Integer, NavigableMap<Long, HeightRecord>> records = new HashMap<>();

    LockDiscipline(final ViolationReporter reporter, final FaultCounts counts) {
        this.reporter = reporter;
        this.counts = counts;
    }

    /** A prevote or precommit reached a correct node and passed its signature check. */
    void onDelivered(final int node, final Vote vote) {
        if (vote.getType() == VoteType.PREVOTE && !vote.getBlockId().isEmpty()) {
            record(node, vote.getHeight()).prevotes.computeIfAbsent(vote.getRound(), round -> new HashMap<>())
                    .computeIfAbsent(vote.getBlockId(), block -> new LinkedHashSet<>()).add(vote.getValidator());
        }
    }

    /** A correct node signed a vote; {@code validators} is the set of the vote's height. */
    void onSigned(final int node, final Vote vote, final ValidatorSet validators) {
        if (vote.getBlockId().isEmpty()) {
            return;
        }
        if (vote.getType() == VoteType.PRECOMMIT) {
            record(node, vote.getHeight()).precommits.putIfAbsent(vote.getRound(), vote.getBlockId());
            return;
        }
        checkPrevote(node, vote, validators);
        onDelivered(node, vote);
    }

    /** The node committed {@code height}: nothing it signs from now on belongs to it or to an earlier height. */
    void onCommitted(final int node, final long height) {
        final NavigableMap<Long, HeightRecord> heights = records.get(node);
        if (heights != null) {
            heights.headMap(height, true).clear();
        }
    }

    private void checkPrevote(final int node, final Vote prevote, final ValidatorSet validators) {
        final HeightRecord record = record(node, prevote.getHeight());
        final ByteString value = prevote.getBlockId();
        for (final Map.Entry<Integer, ByteString> precommit
                : record.precommits.headMap(prevote.getRound(), false).entrySet()) {
            if (precommit.getValue().equals(value)) {
                continue;
            }
            if (hasProofOfLock(record, value, precommit.getKey(), prevote.getRound(), validators)) {
                counts.reaction("locks released by a proof of lock");
                continue;
            }
            reporter.report("S6 lock discipline", "correct node " + node + " precommitted " + shortId(
                    precommit.getValue()) + " in round " + precommit.getKey() + " of height " + prevote.getHeight()
                    + ", then prevoted " + shortId(value) + " in round " + prevote.getRound()
                    + " without having received a quorum of prevotes for it in rounds " + precommit.getKey()
                    + " to " + (prevote.getRound() - 1));
            return;
        }
    }

    /** Whether the node had a quorum of prevotes for {@code value} in some round of [from, to). */
    private static boolean hasProofOfLock(final HeightRecord record, final ByteString value, final int from,
                                          final int to, final ValidatorSet validators) {
        for (final Map<ByteString, Set<String>> round : record.prevotes.subMap(from, true, to, false).values()) {
            final Set<String> signers = round.getOrDefault(value, Set.of());
            long power = 0;
            for (final String signer : signers) {
                power += validators.powerOf(signer);
            }
            if (validators.isQuorum(power)) {
                return true;
            }
        }
        return false;
    }

    private HeightRecord record(final int node, final long height) {
        return records.computeIfAbsent(node, id -> new TreeMap<>()).computeIfAbsent(height, h -> new HeightRecord());
    }

    private static String shortId(final ByteString blockId) {
        return Hex.encode(blockId.substring(0, Math.min(8, blockId.size())).toByteArray());
    }
}
