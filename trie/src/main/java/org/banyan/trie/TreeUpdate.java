package org.banyan.trie;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The result of {@link SparseMerkleTree#update}: the new {@code root} and the nodes the update
 * created, which the caller must persist before the new root is readable. The list may hold a node
 * the store already has from an earlier version (when a change restores an old state); writing it
 * again stores the same bytes under the same hash.
 */
public record TreeUpdate(byte[] root, List<Node> newNodes) {

    /** Checks the root length and takes private copies. */
    public TreeUpdate {
        root = NodeFormat.requireLength(root, SparseMerkleTree.HASH_BYTES, "root").clone();
        newNodes = List.copyOf(newNodes);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof TreeUpdate update && Arrays.equals(root, update.root) && newNodes.equals(update.newNodes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(root) + newNodes.hashCode();
    }

    @Override
    public String toString() {
        return "TreeUpdate[root=" + HexFormat.of().formatHex(root) + ", newNodes=" + newNodes.size() + "]";
    }
}
