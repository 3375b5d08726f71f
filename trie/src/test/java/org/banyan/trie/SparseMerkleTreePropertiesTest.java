package org.banyan.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of updates: the root depends only on the final entries, however they arrived. */
class SparseMerkleTreePropertiesTest {

    /** A put of one of a few value hashes, or (one time in five) a delete. */
    private static Gen<Change> changes() {
        return Keys.keys().zip(integers().between(0, 4),
                (key, choice) -> choice == 4 ? Change.delete(key) : Change.put(key, Keys.valueHash(choice)));
    }

    private static Gen<List<List<Change>>> batchSequences() {
        return lists().of(lists().of(changes()).ofSizeBetween(0, 40)).ofSizeBetween(1, 6);
    }

    @Test
    void incrementalUpdatesGiveTheRootOfTheFinalEntriesBuiltAtOnce() {
        qt().withExamples(300).forAll(batchSequences()).checkAssert(batches -> {
            final TestTree tree = new TestTree();
            for (final List<Change> batch : batches) {
                tree.apply(batch);
                assertThat(tree.root).isEqualTo(ReferenceTree.root(tree.entries));
            }
            final TreeUpdate fromScratch = SparseMerkleTree.update(new MemoryNodes(), SparseMerkleTree.emptyRoot(), tree.allEntriesDescending());
            assertThat(fromScratch.root()).isEqualTo(tree.root);
            for (final Map.Entry<Keys.Key, byte[]> entry : tree.entries.entrySet()) {
                assertThat(SparseMerkleTree.get(tree.nodes, tree.root, entry.getKey().bytes()))
                        .hasValueSatisfying(valueHash -> assertThat(valueHash).isEqualTo(entry.getValue()));
            }
        });
    }

    @Test
    void everyHistoricalRootStillReadsItsOwnEntries() {
        qt().withExamples(100).forAll(batchSequences()).checkAssert(batches -> {
            final TestTree tree = new TestTree();
            final List<byte[]> roots = new ArrayList<>();
            final List<Map<Keys.Key, byte[]>> snapshots = new ArrayList<>();
            for (final List<Change> batch : batches) {
                tree.apply(batch);
                roots.add(tree.root);
                snapshots.add(Map.copyOf(tree.entries));
            }
            for (int version = 0; version < roots.size(); version++) {
                for (final Map.Entry<Keys.Key, byte[]> entry : snapshots.get(version).entrySet()) {
                    assertThat(SparseMerkleTree.get(tree.nodes, roots.get(version), entry.getKey().bytes()))
                            .hasValueSatisfying(valueHash -> assertThat(valueHash).isEqualTo(entry.getValue()));
                }
            }
        });
    }

    @Test
    void deletingEveryKeyGivesTheEmptyRoot() {
        qt().withExamples(200).forAll(lists().of(Keys.keys()).ofSizeBetween(1, 60), integers().between(0, 60))
                .checkAssert((keys, firstBatchSize) -> {
                    final TestTree tree = TestTree.of(keys);
                    final List<Change> deletes = new ArrayList<>();
                    for (final Keys.Key key : tree.entries.keySet()) {
                        deletes.add(Change.delete(key.bytes()));
                    }
                    final int split = Math.min(firstBatchSize, deletes.size());
                    tree.apply(deletes.subList(0, split));
                    final TreeUpdate last = tree.apply(deletes.subList(split, deletes.size()));

                    assertThat(tree.root).isEqualTo(SparseMerkleTree.emptyRoot());
                    assertThat(last.newNodes()).isEmpty();
                    for (final byte[] key : keys) {
                        assertThat(SparseMerkleTree.get(tree.nodes, tree.root, key)).isEmpty();
                    }
                });
    }
}
