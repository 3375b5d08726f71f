package org.banyan.trie;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times batch updates of a large tree held in memory: the tree's own CPU cost (hashing, node reads
 * from a hash map, allocation), without disk. Each batch reports wall time, the CPU time of the
 * updating thread (steadier than wall time on a shared machine) and the collector time spent
 * meanwhile, which mostly comes from the multi-million-node hash map standing in for the store.
 * Not a test; run it by hand:
 * <pre>
 *   mvn -B -q -pl trie test-compile
 *   java -Xmx6g -cp trie/target/classes:trie/target/test-classes org.banyan.trie.TrieUpdateTiming [keys] [batchSize] [batches]
 * </pre>
 * Defaults: a 1,000,000-key tree built in batches of 100,000, then 20 timed batches of 10,000
 * updates, each three quarters rewrites of existing keys and one quarter new keys, from a fixed seed.
 */
public final class TrieUpdateTiming {

    private static final long SEED = 42L;
    private static final int BUILD_BATCH_SIZE = 100_000;
    private static final int WARM_UP_BATCHES = 5;

    private TrieUpdateTiming() {
    }

    public static void main(final String[] arguments) {
        final int keyCount = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000_000;
        final int batchSize = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 10_000;
        final int batchCount = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 20;
        final SplittableRandom random = new SplittableRandom(SEED);
        final MemoryNodes nodes = new MemoryNodes();
        final List<byte[]> keys = new ArrayList<>(keyCount);

        byte[] root = SparseMerkleTree.emptyRoot();
        final long buildStartNanos = System.nanoTime();
        for (int built = 0; built < keyCount; built += BUILD_BATCH_SIZE) {
            final List<Change> batch = new ArrayList<>();
            for (int index = built; index < Math.min(keyCount, built + BUILD_BATCH_SIZE); index++) {
                final byte[] key = Keys.random(random.nextLong());
                keys.add(key);
                batch.add(Change.put(key, Keys.valueHash(index)));
            }
            root = nodes.persist(SparseMerkleTree.update(nodes, root, batch));
        }
        final long buildMillis = (System.nanoTime() - buildStartNanos) / 1_000_000;
        System.out.printf("built %,d keys in %,d ms (%,d nodes stored)%n", keyCount, buildMillis, nodes.size());

        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long timedNanos = 0;
        long timedCpuNanos = 0;
        long timedUpdates = 0;
        for (int batchIndex = 0; batchIndex < WARM_UP_BATCHES + batchCount; batchIndex++) {
            final List<Change> batch = new ArrayList<>(batchSize);
            for (int index = 0; index < batchSize; index++) {
                final boolean newKey = random.nextInt(4) == 0;
                final byte[] key = newKey ? Keys.random(random.nextLong()) : keys.get(random.nextInt(keys.size()));
                batch.add(Change.put(key, Keys.valueHash(random.nextInt())));
            }
            nodes.resetReads();
            final long startGcMillis = collectorMillis();
            final long startCpuNanos = threads.getCurrentThreadCpuTime();
            final long startNanos = System.nanoTime();
            final TreeUpdate update = SparseMerkleTree.update(nodes, root, batch);
            final long elapsedNanos = System.nanoTime() - startNanos;
            final long cpuNanos = threads.getCurrentThreadCpuTime() - startCpuNanos;
            final long gcMillis = collectorMillis() - startGcMillis;
            root = nodes.persist(update);
            final boolean warmUp = batchIndex < WARM_UP_BATCHES;
            if (!warmUp) {
                timedNanos += elapsedNanos;
                timedCpuNanos += cpuNanos;
                timedUpdates += batchSize;
            }
            System.out.printf("%s batch of %,d: wall %6.1f ms, cpu %6.1f ms, gc %4d ms, %,d new nodes, %,d node reads%n",
                    warmUp ? "warm-up" : "timed  ", batchSize, elapsedNanos / 1e6, cpuNanos / 1e6, gcMillis,
                    update.newNodes().size(), nodes.reads());
        }
        System.out.printf("mean over %d timed batches of %,d: wall %.1f ms (%,.0f updates/s), cpu %.1f ms (%,.0f updates/s)%n",
                batchCount, batchSize, timedNanos / 1e6 / batchCount, timedUpdates / (timedNanos / 1e9),
                timedCpuNanos / 1e6 / batchCount, timedUpdates / (timedCpuNanos / 1e9));
    }

    private static long collectorMillis() {
        long total = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }
}
