package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 trees: the Certificate Transparency reference roots and audit paths (transparency-dev/merkle
 * {@code testonly/constants.go} and {@code proof/verify_test.go}), and the properties every tree must have.
 */
class MerkleTreeTest {

    /** The eight reference leaf inputs of the CT tests. */
    private static final List<byte[]> REFERENCE_LEAVES = hexes("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** The published root of the first n reference leaves, n = 0 to 8. */
    private static final List<String> REFERENCE_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsMatchTheCertificateTransparencyReference() {
        for (int size = 0; size <= REFERENCE_LEAVES.size(); size++) {
            assertThat(Hex.encode(MerkleTree.root(REFERENCE_LEAVES.subList(0, size))))
                    .as("root of %d leaves", size).isEqualTo(REFERENCE_ROOTS.get(size));
        }
    }

    @Test
    void pathsMatchTheCertificateTransparencyReference() {
        assertReferencePath(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertReferencePath(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertReferencePath(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertReferencePath(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertReferencePath(0, 1);
    }

    @Test
    void everyPathVerifiesAndAWrongIndexLeafOrPathFails() {
        qt().forAll(integers().between(1, 70), integers().between(0, 69), integers().between(0, 31))
                .checkAssert((size, indexSeed, flipped) -> {
                    final int index = indexSeed % size;
                    final List<byte[]> leaves = numberedLeaves(size);
                    final byte[] root = MerkleTree.root(leaves);
                    final byte[] leaf = MerkleTree.leafHash(leaves.get(index));
                    final List<byte[]> path = MerkleTree.path(leaves, index);

                    assertThat(MerkleTree.verify(root, leaf, index, size, path)).isTrue();
                    assertThat(path.size()).isLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(size - 1));
                    if (size > 1) {
                        final int otherIndex = (index + 1) % size;
                        assertThat(MerkleTree.verify(root, leaf, otherIndex, size, path)).isFalse();
                        assertThat(MerkleTree.verify(root, MerkleTree.leafHash(leaves.get(otherIndex)), index, size,
                                path)).isFalse();
                        final List<byte[]> tampered = new ArrayList<>(path);
                        final byte[] sibling = tampered.get(flipped % tampered.size()).clone();
                        sibling[flipped] ^= 1;
                        tampered.set(flipped % tampered.size(), sibling);
                        assertThat(MerkleTree.verify(root, leaf, index, size, tampered)).isFalse();
                        assertThat(MerkleTree.verify(root, leaf, index, size, path.subList(1, path.size())))
                                .isFalse();
                    }
                    final List<byte[]> longer = new ArrayList<>(path);
                    longer.add(root);
                    assertThat(MerkleTree.verify(root, leaf, index, size, longer)).isFalse();
                    assertThat(MerkleTree.verify(leaf, leaf, index, size, path)).isEqualTo(size == 1);
                });
    }

    @Test
    void aLeafIsNeverMistakenForAnInteriorNode() {
        final List<byte[]> leaves = numberedLeaves(2);
        final byte[] root = MerkleTree.root(leaves);
        final byte[] interiorAsLeaf = new byte[64];
        System.arraycopy(MerkleTree.leafHash(leaves.get(0)), 0, interiorAsLeaf, 0, 32);
        System.arraycopy(MerkleTree.leafHash(leaves.get(1)), 0, interiorAsLeaf, 32, 32);

        assertThat(MerkleTree.root(List.of(interiorAsLeaf))).isNotEqualTo(root);
    }

    @Test
    void verifyRefusesASizeBelowOneAndAnIndexOutsideTheTree() {
        final List<byte[]> leaves = numberedLeaves(4);
        final byte[] root = MerkleTree.root(leaves);
        final byte[] leaf = MerkleTree.leafHash(leaves.get(3));
        final List<byte[]> path = MerkleTree.path(leaves, 3);

        assertThat(MerkleTree.verify(root, leaf, 3, 4, path)).isTrue();
        assertThat(MerkleTree.verify(MerkleTree.root(List.of()), leaf, 0, 0, List.of())).isFalse();
        assertThat(MerkleTree.verify(root, leaf, 4, 4, path)).isFalse();
        assertThat(MerkleTree.verify(root, leaf, -1, 4, path)).isFalse();
        assertThat(MerkleTree.verify(root, leaf, 3, -4, path)).isFalse();
        assertThat(MerkleTree.verify(root, new byte[31], 3, 4, path)).isFalse();
        assertThat(MerkleTree.verify(new byte[33], leaf, 3, 4, path)).isFalse();
        assertThat(MerkleTree.verify(root, leaf, 3, 4, List.of(path.get(0), new byte[31]))).isFalse();
    }

    @Test
    void pathRefusesAnIndexOutsideTheTree() {
        assertThatThrownBy(() -> MerkleTree.path(numberedLeaves(3), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf 3 is not in a tree of 3");
        assertThatThrownBy(() -> MerkleTree.path(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.path(numberedLeaves(3), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathAtTheCapIsReadAndOneBeyondItIsRefusedUnread() {
        // A null sibling first shows whether a path is read at all: at the cap it is (and a null is a caller's bug),
        // beyond it the path is refused before its first sibling is touched.
        final byte[] hash = MerkleTree.leafHash(new byte[0]);
        final List<byte[]> atCap = new ArrayList<>(Collections.nCopies(MerkleTree.MAX_PATH_LENGTH - 1, hash));
        atCap.add(0, null);
        assertThatThrownBy(() -> MerkleTree.verify(hash, hash, 0, Integer.MAX_VALUE, atCap))
                .isInstanceOf(NullPointerException.class);

        final List<byte[]> beyondCap = new ArrayList<>(atCap);
        beyondCap.add(hash);
        assertThat(beyondCap).hasSize(MerkleTree.MAX_PATH_LENGTH + 1);
        assertThat(MerkleTree.verify(hash, hash, 0, Integer.MAX_VALUE, beyondCap)).isFalse();
    }

    private static void assertReferencePath(final int index, final int size, final String... expected) {
        final List<byte[]> leaves = REFERENCE_LEAVES.subList(0, size);
        final List<byte[]> path = MerkleTree.path(leaves, index);

        assertThat(path.stream().map(Hex::encode).toList()).containsExactly(expected);
        assertThat(MerkleTree.verify(Hex.decode(REFERENCE_ROOTS.get(size)), MerkleTree.leafHash(leaves.get(index)),
                index, size, hexes(expected))).isTrue();
    }

    private static List<byte[]> numberedLeaves(final int count) {
        return IntStream.range(0, count).mapToObj(number -> Hashes.sha256(new byte[] {(byte) number, 7})).toList();
    }

    private static List<byte[]> hexes(final String... values) {
        return java.util.Arrays.stream(values).map(Hex::decode).toList();
    }
}
