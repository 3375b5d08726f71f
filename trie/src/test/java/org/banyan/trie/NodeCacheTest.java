package org.banyan.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded LRU {@link NodeCache}. */
class NodeCacheTest {

    private static Node node(final int seed) {
        final byte[] encoded = NodeFormat.encode(NodeFormat.LEAF_TAG, Keys.random(seed), Keys.valueHash(seed));
        return new Node(ReferenceTree.sha256(NodeFormat.LEAF_TAG, Keys.random(seed), Keys.valueHash(seed)), encoded);
    }

    @Test
    void readsGoThroughToTheBackingReaderOnce() {
        final MemoryNodes backing = new MemoryNodes();
        backing.persist(new TreeUpdate(SparseMerkleTree.emptyRoot(), List.of(node(1))));
        final NodeCache cache = new NodeCache(backing, 10);

        assertThat(cache.node(node(1).hash())).hasValueSatisfying(encoded -> assertThat(encoded).isEqualTo(node(1).encoded()));
        assertThat(cache.node(node(1).hash())).hasValueSatisfying(encoded -> assertThat(encoded).isEqualTo(node(1).encoded()));
        assertThat(backing.reads()).isEqualTo(1);
    }

    @Test
    void nodesAbsentFromTheBackingReaderAreNotCached() {
        final MemoryNodes backing = new MemoryNodes();
        final NodeCache cache = new NodeCache(backing, 10);

        assertThat(cache.node(node(1).hash())).isEmpty();
        assertThat(cache.node(node(1).hash())).isEmpty();
        assertThat(backing.reads()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void atTheCapTheLeastRecentlyUsedNodeIsEvicted() {
        final MemoryNodes backing = new MemoryNodes();
        final NodeCache cache = new NodeCache(backing, 3);
        cache.put(node(1));
        cache.put(node(2));
        cache.put(node(3));
        cache.node(node(1).hash());
        assertThat(cache.size()).isEqualTo(cache.maxNodes()).isEqualTo(3);

        cache.put(node(4));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.node(node(2).hash())).as("least recently used, evicted, absent from backing").isEmpty();
        for (final int kept : List.of(1, 3, 4)) {
            assertThat(cache.node(node(kept).hash())).isPresent();
        }
        assertThat(backing.reads()).isEqualTo(1);
    }

    @Test
    void aCacheOfOneNodeWorksAndZeroIsRejected() {
        final NodeCache cache = new NodeCache(new MemoryNodes(), 1);
        cache.put(node(1));
        cache.put(node(2));

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.node(node(2).hash())).isPresent();
        assertThatThrownBy(() -> new NodeCache(new MemoryNodes(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxNodes must be at least 1, got 0");
    }

    @Test
    void callersCannotAlterCachedNodes() {
        final NodeCache cache = new NodeCache(new MemoryNodes(), 10);
        cache.put(node(1));
        cache.node(node(1).hash()).orElseThrow()[0] = 0x55;

        assertThat(cache.node(node(1).hash())).hasValueSatisfying(encoded -> assertThat(encoded).isEqualTo(node(1).encoded()));
    }

    @Test
    void aTreeReadThroughASmallCacheGivesTheSameResults() {
        final TestTree tree = new TestTree();
        final NodeCache cache = new NodeCache(tree.nodes, 8);
        byte[] cachedRoot = SparseMerkleTree.emptyRoot();
        for (int batch = 0; batch < 5; batch++) {
            final List<Change> changes = new ArrayList<>();
            for (int index = 0; index < 50; index++) {
                changes.add(Change.put(Keys.random(batch * 1_000L + index % 30), Keys.valueHash(batch)));
            }
            final TreeUpdate update = SparseMerkleTree.update(cache, cachedRoot, changes);
            update.newNodes().forEach(cache::put);
            cachedRoot = update.root();
            tree.apply(changes);
        }

        assertThat(cachedRoot).isEqualTo(tree.root);
        assertThat(cache.size()).isEqualTo(8);
    }
}
