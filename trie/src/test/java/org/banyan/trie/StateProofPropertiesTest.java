package org.banyan.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of proofs: they verify exactly what the tree holds, and any corruption breaks them. */
class StateProofPropertiesTest {

    private static Gen<List<byte[]>> treeKeys() {
        return lists().of(Keys.keys()).ofSizeBetween(1, 60);
    }

    @Test
    void presentKeysProveInclusionAndNothingElse() {
        qt().withExamples(60).forAll(treeKeys(), integers().between(0, 1_000)).checkAssert((keys, choice) -> {
            final TestTree tree = TestTree.of(keys);
            final List<Keys.Key> present = new ArrayList<>(tree.entries.keySet());
            final byte[] key = present.get(choice % present.size()).bytes();
            final byte[] valueHash = tree.entries.get(new Keys.Key(key));
            final StateProof proof = tree.prove(key);

            assertThat(proof.verifiesInclusion(tree.root, key, valueHash)).isTrue();
            assertThat(proof.verifiesExclusion(tree.root, key)).isFalse();
            assertThat(proof.verifiesInclusion(tree.root, key, Keys.flipBit(valueHash, choice % 256))).isFalse();
            assertThat(proof.verifiesInclusion(Keys.flipBit(tree.root, choice % 256), key, valueHash)).isFalse();
            final byte[] encoded = proof.encode();
            for (int bit = 0; bit < encoded.length * Byte.SIZE; bit++) {
                assertThat(decodesAndVerifiesInclusion(Keys.flipBit(encoded, bit), tree.root, key, valueHash))
                        .as("proof with bit %d flipped", bit).isFalse();
            }
        });
    }

    @Test
    void absentKeysProveExclusionAndPresentKeysDoNot() {
        qt().withExamples(200).forAll(treeKeys(), Keys.keys())
                .assuming((keys, key) -> !TestTree.of(keys).contains(key))
                .checkAssert((keys, absentKey) -> {
                    final TestTree tree = TestTree.of(keys);
                    final StateProof proof = tree.prove(absentKey);

                    assertThat(proof.verifiesExclusion(tree.root, absentKey)).isTrue();
                    assertThat(proof.verifiesExclusion(Keys.flipBit(tree.root, 0), absentKey)).isFalse();
                    assertThat(proof.verifiesInclusion(tree.root, absentKey, Keys.valueHash(0))).isFalse();
                    for (final Keys.Key present : tree.entries.keySet()) {
                        assertThat(proof.verifiesExclusion(tree.root, present.bytes())).isFalse();
                        assertThat(tree.prove(present.bytes()).verifiesExclusion(tree.root, present.bytes())).isFalse();
                    }
                });
    }

    @Test
    void encodingRoundTrips() {
        qt().withExamples(200).forAll(treeKeys(), Keys.keys()).checkAssert((keys, key) -> {
            final TestTree tree = TestTree.of(keys);
            final StateProof proof = tree.prove(key);
            final byte[] encoded = proof.encode();
            final StateProof decoded = StateProof.decode(encoded);

            assertThat(decoded).isEqualTo(proof);
            assertThat(decoded.encode()).isEqualTo(encoded);
            assertThat(decoded.siblingCount()).isEqualTo(proof.siblingCount());
            assertThat(decoded.verifiesExclusion(tree.root, key)).isEqualTo(!tree.contains(key));
        });
    }

    private static boolean decodesAndVerifiesInclusion(final byte[] encoded, final byte[] root, final byte[] key, final byte[] valueHash) {
        try {
            return StateProof.decode(encoded).verifiesInclusion(root, key, valueHash);
        } catch (final IllegalArgumentException malformed) {
            return false;
        }
    }
}
