package org.banyan.trie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tree in a {@link MemoryNodes} store, with a model of its entries, for tests. */
final class TestTree {

    final MemoryNodes nodes = new MemoryNodes();
    final TreeMap<Keys.Key, byte[]> entries = new TreeMap<>();
    byte[] root = SparseMerkleTree.emptyRoot();

    /** A tree holding {@code keys}, each with a value hash chosen by its position. */
    static TestTree of(final List<byte[]> keys) {
        final TestTree tree = new TestTree();
        final List<Change> changes = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            changes.add(Change.put(keys.get(index), Keys.valueHash(index % 4)));
        }
        tree.apply(changes);
        return tree;
    }

    /** Applies {@code changes} to the tree and to the model, and returns the update. */
    TreeUpdate apply(final List<Change> changes) {
        final TreeUpdate update = SparseMerkleTree.update(nodes, root, changes);
        root = nodes.persist(update);
        for (final Change change : changes) {
            final Keys.Key key = new Keys.Key(change.key());
            change.valueHash().ifPresentOrElse(value -> entries.put(key, value), () -> entries.remove(key));
        }
        return update;
    }

    boolean contains(final byte[] key) {
        return entries.containsKey(new Keys.Key(key));
    }

    /** Puts of every entry, in descending key order, to rebuild the tree from scratch. */
    List<Change> allEntriesDescending() {
        final List<Change> changes = new ArrayList<>();
        for (final Map.Entry<Keys.Key, byte[]> entry : entries.descendingMap().entrySet()) {
            changes.add(Change.put(entry.getKey().bytes(), entry.getValue()));
        }
        return changes;
    }

    StateProof prove(final byte[] key) {
        return SparseMerkleTree.prove(nodes, root, key);
    }
}
