package org.banyan.trie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One batch of changes applied to one root in a single pass.
 *
 * <p>The changes are sorted by key, so the changes under any subtree form one contiguous run, and
 * each level splits its run in two by the key bit at that depth. Only subtrees holding a change are
 * visited: a batch touching k keys reads and hashes O(k × depth) nodes, whatever the size of the
 * tree. A subtree whose entries did not change keeps its hash and creates no node.
 *
 * <p>The tree stays canonical: when a delete leaves an internal node with one empty child and a
 * leaf as the other, that leaf replaces the node (and may keep rising). A leaf's hash does not
 * depend on its depth, so moving it creates no node.
 */
final class BatchUpdate {

    /** What a subtree is after the update; a parent needs it to decide whether to collapse. */
    private enum Kind {
        EMPTY,
        LEAF,
        INTERNAL,
        /** A subtree the batch does not touch; its node is read only if its parent might collapse. */
        UNREAD
    }

    private record Subtree(byte[] hash, Kind kind) {
    }

    private record Entry(byte[] key, byte[] valueHash) {
    }

    private static final Subtree EMPTY = new Subtree(NodeFormat.emptyHash(), Kind.EMPTY);

    private final NodeReader reader;
    private final NodeHasher hasher = NodeHasher.create();
    /** Distinct keys in ascending unsigned order. */
    private final byte[][] keys;
    /** The value hash for each key, or null where the key is deleted. */
    private final byte[][] valueHashes;
    private final List<Node> newNodes = new ArrayList<>();

    private BatchUpdate(final NodeReader reader, final byte[][] keys, final byte[][] valueHashes) {
        this.reader = reader;
        this.keys = keys;
        this.valueHashes = valueHashes;
    }

    static TreeUpdate apply(final NodeReader reader, final byte[] root, final List<Change> changes) {
        final Entry[] entries = new Entry[changes.size()];
        int count = 0;
        for (final Change change : changes) {
            Objects.requireNonNull(change, "change");
            entries[count++] = new Entry(change.key(), change.valueHash().orElse(null));
        }
        // Arrays.sort of objects is stable, so repeated keys keep their order and the last one wins.
        Arrays.sort(entries, (first, second) -> Arrays.compareUnsigned(first.key, second.key));
        final byte[][] keys = new byte[entries.length][];
        final byte[][] valueHashes = new byte[entries.length][];
        int distinct = 0;
        for (int index = 0; index < entries.length; index++) {
            final boolean overridden = index + 1 < entries.length && Arrays.equals(entries[index].key, entries[index + 1].key);
            if (!overridden) {
                keys[distinct] = entries[index].key;
                valueHashes[distinct] = entries[index].valueHash;
                distinct++;
            }
        }
        final BatchUpdate update = new BatchUpdate(reader, Arrays.copyOf(keys, distinct), Arrays.copyOf(valueHashes, distinct));
        final Subtree newRoot = update.update(root, 0, 0, distinct);
        return new TreeUpdate(newRoot.hash, update.newNodes);
    }

    /** Applies the changes in [from, to), all under the subtree {@code hash} at {@code depth}. */
    private Subtree update(final byte[] hash, final int depth, final int from, final int to) {
        if (from == to) {
            return new Subtree(hash, Kind.UNREAD);
        }
        if (NodeFormat.isEmpty(hash)) {
            return build(depth, from, to);
        }
        final byte[] node = NodeFormat.read(reader, hash);
        if (NodeFormat.isLeaf(node)) {
            return updateLeaf(new Subtree(hash, Kind.LEAF), NodeFormat.firstField(node), NodeFormat.secondField(node), depth, from, to);
        }
        return updateInternal(hash, node, depth, from, to);
    }

    private Subtree updateInternal(final byte[] hash, final byte[] node, final int depth, final int from, final int to) {
        if (depth == SparseMerkleTree.KEY_BITS) {
            throw new IllegalStateException("trie node " + NodeFormat.hex(hash) + " is an internal node below the last key bit");
        }
        final int split = splitPoint(depth, from, to);
        final byte[] left = NodeFormat.child(node, 0);
        final byte[] right = NodeFormat.child(node, 1);
        final Subtree newLeft = update(left, depth + 1, from, split);
        final Subtree newRight = update(right, depth + 1, split, to);
        if (Arrays.equals(newLeft.hash, left) && Arrays.equals(newRight.hash, right)) {
            return new Subtree(hash, Kind.INTERNAL);
        }
        return join(newLeft, newRight);
    }

    /**
     * Applies the changes in [from, to) to a subtree that is the single leaf ({@code leafKey},
     * {@code leafValueHash}): the leaf sinks along its own path until the changes part from it.
     */
    private Subtree updateLeaf(final Subtree leaf, final byte[] leafKey, final byte[] leafValueHash,
                               final int depth, final int from, final int to) {
        if (from == to) {
            return leaf;
        }
        if (to - from == 1 && Arrays.equals(keys[from], leafKey)) {
            if (valueHashes[from] == null) {
                return EMPTY;
            }
            return Arrays.equals(valueHashes[from], leafValueHash) ? leaf : newLeaf(from);
        }
        final int split = splitPoint(depth, from, to);
        if (NodeFormat.bit(leafKey, depth) == 0) {
            return join(updateLeaf(leaf, leafKey, leafValueHash, depth + 1, from, split), build(depth + 1, split, to));
        }
        return join(build(depth + 1, from, split), updateLeaf(leaf, leafKey, leafValueHash, depth + 1, split, to));
    }

    /** Builds the subtree at {@code depth} holding the non-deleted entries of [from, to). */
    private Subtree build(final int depth, final int from, final int to) {
        if (from == to) {
            return EMPTY;
        }
        if (to - from == 1) {
            return valueHashes[from] == null ? EMPTY : newLeaf(from);
        }
        final int split = splitPoint(depth, from, to);
        return join(build(depth + 1, from, split), build(depth + 1, split, to));
    }

    /** The parent of two subtrees, collapsed to its lone leaf when the other side is empty. */
    private Subtree join(final Subtree left, final Subtree right) {
        final boolean leftEmpty = NodeFormat.isEmpty(left.hash);
        final boolean rightEmpty = NodeFormat.isEmpty(right.hash);
        if (leftEmpty && rightEmpty) {
            return EMPTY;
        }
        if (rightEmpty && kindOf(left) == Kind.LEAF) {
            return new Subtree(left.hash, Kind.LEAF);
        }
        if (leftEmpty && kindOf(right) == Kind.LEAF) {
            return new Subtree(right.hash, Kind.LEAF);
        }
        return new Subtree(emit(NodeFormat.INTERNAL_TAG, left.hash, right.hash), Kind.INTERNAL);
    }

    /** The kind of a non-empty subtree, reading its node only if the batch did not touch it. */
    private Kind kindOf(final Subtree subtree) {
        if (subtree.kind != Kind.UNREAD) {
            return subtree.kind;
        }
        return NodeFormat.isLeaf(NodeFormat.read(reader, subtree.hash)) ? Kind.LEAF : Kind.INTERNAL;
    }

    private Subtree newLeaf(final int index) {
        return new Subtree(emit(NodeFormat.LEAF_TAG, keys[index], valueHashes[index]), Kind.LEAF);
    }

    private byte[] emit(final byte tag, final byte[] first, final byte[] second) {
        final byte[] encoded = NodeFormat.encode(tag, first, second);
        final byte[] hash = hasher.hash(encoded);
        newNodes.add(new Node(hash, encoded));
        return hash;
    }

    /**
     * The first index in [from, to) whose key has bit {@code depth} set. The keys in the run share
     * their first {@code depth} bits and are sorted, so those with the bit clear come first.
     */
    private int splitPoint(final int depth, final int from, final int to) {
        int low = from;
        int high = to;
        while (low < high) {
            final int middle = (low + high) >>> 1;
            if (NodeFormat.bit(keys[middle], depth) == 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
