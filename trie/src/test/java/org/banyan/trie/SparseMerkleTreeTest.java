package org.banyan.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Edge cases, known hashes, failure modes and the cost of updates. */
class SparseMerkleTreeTest {

    private static final byte[] VALUE_A = Keys.valueHash(1);
    private static final byte[] VALUE_B = Keys.valueHash(2);

    /** A key with every bit zero except {@code firstByte} at the front and {@code lastByte} at the end. */
    private static byte[] key(final int firstByte, final int lastByte) {
        final byte[] key = new byte[SparseMerkleTree.KEY_BYTES];
        key[0] = (byte) firstByte;
        key[SparseMerkleTree.KEY_BYTES - 1] = (byte) lastByte;
        return key;
    }

    @Test
    void theEmptyTreeHasAZeroRootAndProvesEveryKeyAbsent() {
        final TestTree tree = new TestTree();
        final byte[] key = key(0x12, 0x34);
        final StateProof proof = tree.prove(key);

        assertThat(SparseMerkleTree.emptyRoot()).isEqualTo(new byte[32]);
        assertThat(SparseMerkleTree.get(tree.nodes, tree.root, key)).isEmpty();
        assertThat(proof.siblingCount()).isZero();
        assertThat(proof.encode()).containsExactly(0, 0, 0);
        assertThat(proof.verifiesExclusion(tree.root, key)).isTrue();
        assertThat(proof.verifiesInclusion(tree.root, key, VALUE_A)).isFalse();
        assertThat(proof.verifiesExclusion(ReferenceTree.sha256((byte) 0, key, VALUE_A), key)).isFalse();
    }

    @Test
    void anEmptyBatchChangesNothing() {
        final TestTree tree = TestTree.of(List.of(key(1, 1), key(2, 2)));
        final TreeUpdate update = SparseMerkleTree.update(tree.nodes, tree.root, List.of());

        assertThat(update.root()).isEqualTo(tree.root);
        assertThat(update.newNodes()).isEmpty();
        assertThat(SparseMerkleTree.update(tree.nodes, SparseMerkleTree.emptyRoot(), List.of()).root())
                .isEqualTo(SparseMerkleTree.emptyRoot());
    }

    @Test
    void aSingleKeyTreeIsItsLeafAtTheRoot() {
        final TestTree tree = new TestTree();
        final byte[] key = key(0x80, 0x01);
        final TreeUpdate update = tree.apply(List.of(Change.put(key, VALUE_A)));
        final byte[] leafHash = ReferenceTree.sha256((byte) 0x00, key, VALUE_A);

        assertThat(update.root()).isEqualTo(leafHash);
        assertThat(update.newNodes()).containsExactly(new Node(leafHash, concat(new byte[] {0x00}, key, VALUE_A)));
        final StateProof proof = tree.prove(key);
        assertThat(proof.siblingCount()).isZero();
        assertThat(proof.encode()).isEqualTo(concat(new byte[] {1, 0, 0}, key, VALUE_A));
        assertThat(proof.verifiesInclusion(tree.root, key, VALUE_A)).isTrue();
        assertThat(tree.prove(key(0x80, 0x02)).verifiesExclusion(tree.root, key(0x80, 0x02))).isTrue();
    }

    @Test
    void keysThatDifferInTheFirstBitHangLeftAndRightOfTheRoot() {
        final TestTree tree = new TestTree();
        final byte[] left = key(0x7F, 0xFF);
        final byte[] right = key(0x80, 0x00);
        tree.apply(List.of(Change.put(right, VALUE_B), Change.put(left, VALUE_A)));

        final byte[] leftLeaf = ReferenceTree.sha256((byte) 0x00, left, VALUE_A);
        final byte[] rightLeaf = ReferenceTree.sha256((byte) 0x00, right, VALUE_B);
        assertThat(tree.root).isEqualTo(ReferenceTree.sha256((byte) 0x01, leftLeaf, rightLeaf));
        assertThat(tree.prove(left).encode()).isEqualTo(concat(new byte[] {1, 0, 1, (byte) 0x80}, rightLeaf, left, VALUE_A));
    }

    @Test
    void keysSharingA255BitPrefixSitAtTheBottomLevel() {
        final TestTree tree = new TestTree();
        final byte[] even = key(0x55, 0x10);
        final byte[] odd = key(0x55, 0x11);
        final TreeUpdate update = tree.apply(List.of(Change.put(even, VALUE_A), Change.put(odd, VALUE_B)));

        // Two leaves and one internal node on each of the 256 levels above them.
        assertThat(update.newNodes()).hasSize(2 + 256);
        assertThat(tree.root).isEqualTo(ReferenceTree.root(tree.entries));
        final StateProof proof = tree.prove(odd);
        assertThat(proof.siblingCount()).isEqualTo(StateProof.MAX_SIBLINGS);
        // 255 empty siblings cost one bit each: header, 32-byte bitmap, one sibling, the leaf.
        assertThat(proof.encode()).hasSize(3 + 32 + 32 + 64);
        assertThat(StateProof.decode(proof.encode()).verifiesInclusion(tree.root, odd, VALUE_B)).isTrue();
        assertThat(tree.prove(key(0x55, 0x12)).verifiesExclusion(tree.root, key(0x55, 0x12))).isTrue();

        final TreeUpdate deletion = tree.apply(List.of(Change.delete(even)));
        assertThat(tree.root).as("the survivor rises to the root").isEqualTo(ReferenceTree.sha256((byte) 0x00, odd, VALUE_B));
        assertThat(deletion.newNodes()).as("a rising leaf keeps its hash").isEmpty();
    }

    @Test
    void deletingAnAbsentKeyIsANoOp() {
        final TestTree tree = TestTree.of(List.of(key(0x55, 0x10), key(0x55, 0x11), key(0x01, 0), key(0xF0, 0)));
        for (final byte[] absent : List.of(key(0x55, 0x12), key(0x00, 0x00), key(0xF0, 0x01), key(0xFF, 0xFF))) {
            final TreeUpdate update = SparseMerkleTree.update(tree.nodes, tree.root, List.of(Change.delete(absent)));

            assertThat(update.root()).isEqualTo(tree.root);
            assertThat(update.newNodes()).isEmpty();
        }
        final TreeUpdate onEmpty = SparseMerkleTree.update(new MemoryNodes(), SparseMerkleTree.emptyRoot(), List.of(Change.delete(key(1, 2))));
        assertThat(onEmpty.root()).isEqualTo(SparseMerkleTree.emptyRoot());
        assertThat(onEmpty.newNodes()).isEmpty();
    }

    @Test
    void rewritingTheSameValueCreatesNoNodes() {
        final TestTree tree = TestTree.of(List.of(key(1, 0), key(2, 0), key(3, 0)));
        final byte[] valueHash = tree.entries.get(new Keys.Key(key(2, 0)));
        final TreeUpdate update = SparseMerkleTree.update(tree.nodes, tree.root, List.of(Change.put(key(2, 0), valueHash)));

        assertThat(update.root()).isEqualTo(tree.root);
        assertThat(update.newNodes()).isEmpty();
    }

    @Test
    void theLastChangeToAKeyInABatchWins() {
        final byte[] key = key(9, 9);
        final MemoryNodes nodes = new MemoryNodes();
        final byte[] empty = SparseMerkleTree.emptyRoot();

        final byte[] overwritten = nodes.persist(SparseMerkleTree.update(nodes, empty,
                List.of(Change.put(key, VALUE_A), Change.put(key(1, 1), VALUE_A), Change.put(key, VALUE_B))));
        assertThat(SparseMerkleTree.get(nodes, overwritten, key)).hasValueSatisfying(value -> assertThat(value).isEqualTo(VALUE_B));

        final byte[] deleted = nodes.persist(SparseMerkleTree.update(nodes, empty, List.of(Change.put(key, VALUE_A), Change.delete(key))));
        assertThat(deleted).isEqualTo(empty);

        final byte[] restored = nodes.persist(SparseMerkleTree.update(nodes, overwritten, List.of(Change.delete(key), Change.put(key, VALUE_A))));
        assertThat(SparseMerkleTree.get(nodes, restored, key)).hasValueSatisfying(value -> assertThat(value).isEqualTo(VALUE_A));
    }

    @Test
    void aMissingNodeIsReportedByItsHash() {
        final TestTree tree = TestTree.of(List.of(key(1, 0), key(0x81, 0)));
        final MemoryNodes emptyStore = new MemoryNodes();
        final String rootHex = NodeFormat.hex(tree.root);

        assertThatThrownBy(() -> SparseMerkleTree.get(emptyStore, tree.root, key(1, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(rootHex);
        assertThatThrownBy(() -> SparseMerkleTree.prove(emptyStore, tree.root, key(1, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(rootHex);
        assertThatThrownBy(() -> SparseMerkleTree.update(emptyStore, tree.root, List.of(Change.delete(key(1, 0)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(rootHex);
    }

    @Test
    void aCorruptNodeIsReportedByItsHash() {
        final byte[] root = Keys.valueHash(3);
        final NodeReader corrupt = hash -> Optional.of(new byte[] {0x01, 0x02});

        assertThatThrownBy(() -> SparseMerkleTree.get(corrupt, root, key(1, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("corrupt").hasMessageContaining(NodeFormat.hex(root));
    }

    @Test
    void anInternalNodeBelowTheLastKeyBitIsCorruption() {
        // An internal node whose children are itself: an endless path through a store that lies.
        final byte[] hash = Keys.valueHash(3);
        final NodeReader looping = requested -> Optional.of(NodeFormat.encode(NodeFormat.INTERNAL_TAG, hash, hash));

        assertThatThrownBy(() -> SparseMerkleTree.prove(looping, hash, key(1, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("below the last key bit");
        assertThatThrownBy(() -> SparseMerkleTree.update(looping, hash, List.of(Change.delete(key(1, 0)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("below the last key bit");
    }

    @Test
    void argumentsAreChecked() {
        final MemoryNodes nodes = new MemoryNodes();
        final byte[] root = SparseMerkleTree.emptyRoot();

        assertThatThrownBy(() -> Change.put(new byte[31], VALUE_A)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be 32 bytes, got 31");
        assertThatThrownBy(() -> Change.put(key(1, 1), new byte[33])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("valueHash must be 32 bytes, got 33");
        assertThatThrownBy(() -> SparseMerkleTree.update(nodes, new byte[31], List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root must be 32 bytes, got 31");
        assertThatThrownBy(() -> SparseMerkleTree.get(nodes, root, new byte[33])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must be 32 bytes, got 33");
        assertThatThrownBy(() -> SparseMerkleTree.prove(nodes, root, null)).isInstanceOf(NullPointerException.class);
        final List<Change> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> SparseMerkleTree.update(nodes, root, withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordsCopyTheirArrays() {
        final byte[] key = key(1, 1);
        final Change change = Change.put(key, VALUE_A);
        key[0] = 99;
        change.key()[1] = 99;

        assertThat(change.key()).isEqualTo(key(1, 1));
        assertThat(change).isEqualTo(Change.put(key(1, 1), VALUE_A)).hasSameHashCodeAs(Change.put(key(1, 1), VALUE_A));
        assertThat(change).isNotEqualTo(Change.delete(key(1, 1)));
        assertThat(Change.delete(key(1, 1)).isDelete()).isTrue();
    }

    @Test
    void aBatchCostsInProportionToItsKeysNotToTheTreeSize() {
        final SplittableRandom random = new SplittableRandom(20_240_601L);
        final TestTree tree = new TestTree();
        final List<Change> initial = new ArrayList<>();
        for (int index = 0; index < 20_000; index++) {
            initial.add(Change.put(Keys.random(random.nextLong()), Keys.valueHash(index)));
        }
        tree.apply(initial);
        final int depth = maximumDepth(tree.nodes, tree.root, 0);

        final int keysTouched = 16;
        final List<Change> batch = new ArrayList<>();
        for (int index = 0; index < keysTouched; index++) {
            final byte[] existing = initial.get(random.nextInt(initial.size())).key();
            switch (index % 3) {
                case 0 -> batch.add(Change.put(existing, VALUE_B));
                case 1 -> batch.add(Change.delete(existing));
                default -> batch.add(Change.put(Keys.random(random.nextLong()), VALUE_A));
            }
        }
        tree.nodes.resetReads();
        final TreeUpdate update = tree.apply(batch);

        assertThat(update.newNodes()).hasSizeLessThanOrEqualTo(keysTouched * 257);
        // Each key reads the nodes on its path, plus at most one sibling per level when a delete collapses.
        assertThat(tree.nodes.reads()).isLessThanOrEqualTo(2L * keysTouched * (depth + 1)).isLessThan(2_000);
        assertThat(tree.root).isEqualTo(ReferenceTree.root(tree.entries));
    }

    @Test
    void aBatchOfDeepKeysCreatesAtMost257NodesPerKey() {
        final TestTree tree = new TestTree();
        final List<Change> batch = new ArrayList<>();
        for (int index = 0; index < 64; index++) {
            batch.add(Change.put(Keys.clustered(index * 4 + 1), VALUE_A));
        }
        final TreeUpdate update = tree.apply(batch);

        assertThat(update.newNodes()).hasSizeLessThanOrEqualTo(batch.size() * 257).hasSizeGreaterThan(batch.size() * 2);
        assertThat(tree.root).isEqualTo(ReferenceTree.root(tree.entries));
    }

    private static int maximumDepth(final NodeReader nodes, final byte[] hash, final int depth) {
        if (NodeFormat.isEmpty(hash)) {
            return depth;
        }
        final byte[] node = NodeFormat.read(nodes, hash);
        if (NodeFormat.isLeaf(node)) {
            return depth;
        }
        return Math.max(maximumDepth(nodes, NodeFormat.child(node, 0), depth + 1), maximumDepth(nodes, NodeFormat.child(node, 1), depth + 1));
    }

    private static byte[] concat(final byte[]... parts) {
        int length = 0;
        for (final byte[] part : parts) {
            length += part.length;
        }
        final byte[] joined = Arrays.copyOf(parts[0], length);
        int offset = parts[0].length;
        for (int index = 1; index < parts.length; index++) {
            System.arraycopy(parts[index], 0, joined, offset, parts[index].length);
            offset += parts[index].length;
        }
        return joined;
    }
}
