/**
 * The authenticated state tree: a binary sparse Merkle tree over 256-bit keys with compressed
 * leaves, as in Diem's "Jellyfish" and Libra's compact sparse Merkle tree.
 *
 * <h2>Shape</h2>
 * A key's bits, read most significant bit first, spell its path from the root: bit 0 goes left,
 * bit 1 goes right. A subtree that holds exactly one entry is represented by that entry's leaf,
 * placed at the highest level where it is alone; a subtree with no entries is empty and is not
 * stored. So every internal node has at least two entries below it, and the tree for a given set
 * of entries is unique: its root depends only on the entries, never on the order they arrived.
 *
 * <h2>Hashing (fixed: SDKs verify proofs with exactly these rules)</h2>
 * <pre>
 *   empty subtree  = 32 zero bytes (the empty tree's root too)
 *   leaf node      = SHA-256(0x00 || key(32) || valueHash(32))
 *   internal node  = SHA-256(0x01 || leftChildHash(32) || rightChildHash(32))
 * </pre>
 * A leaf's hash includes its whole key and not its depth, so a leaf moves up or down the tree
 * without changing its hash.
 *
 * <h2>Storage</h2>
 * Nodes are content-addressed: a node is stored under its own hash, and its stored bytes are
 * exactly the 65-byte preimage above (tag byte, then the two 32-byte fields). Nodes are immutable
 * and never deleted by the tree, so every historical root stays readable and provable. The tree
 * does no I/O: it reads nodes through a {@link org.banyan.trie.NodeReader} and hands the nodes an
 * update created back to the caller to persist ({@link org.banyan.trie.TreeUpdate#newNodes()}).
 *
 * <h2>Proofs</h2>
 * A {@link org.banyan.trie.StateProof} is the list of sibling hashes along a key's path and the
 * subtree where that path ends: an empty subtree, or a leaf. A leaf with the key proves inclusion;
 * an empty subtree, or a leaf with another key, proves exclusion. Its byte encoding is documented
 * on {@link org.banyan.trie.StateProof#encode()}.
 */
package org.banyan.trie;
