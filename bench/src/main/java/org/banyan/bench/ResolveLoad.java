package org.banyan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.banyan.crypto.PrivateKey;
import org.banyan.sdk.BanyanClient;

/**
 * The resolution load behind {@code banyan bench resolve}: makes sure the node holds {@code documents} benchmark
 * documents (creating the missing ones, unmeasured), then drives keep-alive GETs ({@link KeepAliveLoad}) at the W3C
 * view, the BIF view, and, as the reference measured in the same run, {@code /getLedger}. Each is warmed up before it
 * is measured, first by one pass over every path (so every answer has been rendered once: the "warm" of warm
 * resolutions), then for a while longer (so the JIT has compiled the warm path).
 */
public final class ResolveLoad {

    private final URI node;
    private final String nodeUrl;
    private final PrintStream progress;

    /** A load against the node at {@code nodeUrl}. */
    public ResolveLoad(final String nodeUrl, final PrintStream progress) {
        this.nodeUrl = nodeUrl;
        this.node = BanyanClient.connect(nodeUrl).nodeUri();
        this.progress = progress;
    }

    /** What one run measured: each view's rate and the reference's. */
    public record Result(int documents, KeepAliveLoad.Result w3c, KeepAliveLoad.Result bif,
                         KeepAliveLoad.Result getLedger) {

        /** The one JSON line the run ends with. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"documents\":%d,\"w3c_per_s\":%.0f,\"bif_per_s\":%.0f,"
                + "\"get_ledger_per_s\":%.0f,\"failures\":%d}", documents, w3c.perSecond(), bif.perSecond(),
                getLedger.perSecond(), w3c.failures() + bif.failures() + getLedger.failures());
        }
    }

    /** Runs the three loads over {@code connections} connections. */
    public Result run(final int documents, final PrivateKey funder, final int connections, final Duration warmup,
                      final Duration measured) throws InterruptedException, IOException {
        final int present = Math.min(documents, BenchDocuments.firstMissing(BanyanClient.connect(nodeUrl)));
        if (present < documents) {
            say("creating documents %,d to %,d first (not measured)", present, documents);
            new DocumentLoad(nodeUrl, funder, progress).create(present, documents, 100);
        }
        final KeepAliveLoad.Result w3c = measure("W3C view", index -> "/1.0/identifiers/" + BenchDocuments.bid(index),
            "application/did-resolution", documents, connections, warmup, measured);
        final KeepAliveLoad.Result bif = measure("BIF view", index -> "/" + BenchDocuments.bid(index),
            "application/json", documents, connections, warmup, measured);
        final KeepAliveLoad.Result reference = measure("reference /getLedger", index -> "/getLedger", "application/json",
            1, connections, warmup, measured);
        return new Result(documents, w3c, bif, reference);
    }

    private KeepAliveLoad.Result measure(final String name, final IntFunction<String> path, final String accept,
                                         final int count, final int connections, final Duration warmup,
                                         final Duration measured) throws IOException {
        final List<String> paths = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            paths.add(path.apply(index));
        }
        final KeepAliveLoad.Result firstPass = KeepAliveLoad.pass(node, paths, accept, 200, connections);
        say("%s: first pass over %,d paths at %s; warming up for %d s more", name, count, firstPass, warmup.toSeconds());
        KeepAliveLoad.run(node, paths, accept, 200, connections, warmup);
        final KeepAliveLoad.Result result = KeepAliveLoad.run(node, paths, accept, 200, connections, measured);
        say("%s: %s over %d connections", name, result, connections);
        return result;
    }

    private void say(final String format, final Object... arguments) {
        progress.println(String.format(Locale.ROOT, format, arguments));
    }
}
