package org.banyan.bench.jmh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.banyan.trie.Change;
import org.banyan.trie.Node;
import org.banyan.trie.NodeReader;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.TreeUpdate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * State-root update: one ledger's worth of changed accounts applied to a tree of {@code accounts}
 * accounts held in memory. Workload: a fixed-seed tree, then batches of {@code batch} random existing
 * keys with new value hashes, as a block of payments produces. The score is batches per second; divide
 * into one second for the per-block cost, multiply by {@code batch} for account updates per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public class StateRootBenchmark {

    @Param({"100000"})
    public int accounts;

    @Param({"10000"})
    public int batch;

    private final Map<Key, byte[]> nodes = new HashMap<>();
    private final NodeReader reader = hash -> Optional.ofNullable(nodes.get(new Key(hash)));
    private byte[][] keys;
    private byte[] root;
    private List<Change> changes;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup
    public void buildTree() {
        keys = new byte[accounts][];
        final List<Change> initial = new ArrayList<>(accounts);
        for (int index = 0; index < accounts; index++) {
            keys[index] = randomBytes();
            initial.add(new Change(keys[index], Optional.of(randomBytes())));
        }
        root = apply(SparseMerkleTree.emptyRoot(), initial);
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        changes = new ArrayList<>(batch);
        for (int index = 0; index < batch; index++) {
            changes.add(new Change(keys[random.nextInt(accounts)], Optional.of(randomBytes())));
        }
    }

    @Benchmark
    public byte[] updateBatch() {
        root = apply(root, changes);
        return root;
    }

    private byte[] apply(final byte[] from, final List<Change> batchChanges) {
        final TreeUpdate update = SparseMerkleTree.update(reader, from, batchChanges);
        for (final Node node : update.newNodes()) {
            nodes.put(new Key(node.hash()), node.encoded());
        }
        return update.root();
    }

    private byte[] randomBytes() {
        final byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(final Object other) {
            return other instanceof Key key && java.util.Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
