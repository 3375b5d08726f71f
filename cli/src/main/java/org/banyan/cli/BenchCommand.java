package org.banyan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.banyan.bench.DocumentLoad;
import org.banyan.bench.PayLoadGenerator;
import org.banyan.bench.PayLoadOptions;
import org.banyan.bench.PayLoadResult;
import org.banyan.bench.ResolveLoad;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.sdk.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code banyan bench}: measure a node and this machine. */
@Command(name = "bench", description = {"Benchmarks: payment, BID document creation and resolution load tests against a",
    "node, and the JMH micro-benchmarks."},
        subcommands = {BenchCommand.Pay.class, BenchCommand.Create.class, BenchCommand.Resolve.class,
            BenchCommand.Jmh.class})
final class BenchCommand {

    @Mixin
    HelpOption help;

    /** {@code banyan bench pay}: the payment load generator. */
    @Command(name = "pay", description = {
        "Create and fund accounts, pre-sign payments, submit them in batches and report committed tx/s,",
        "commit latency p50/p99 and this machine's one-core Ed25519 verify rate. Progress goes to stderr;",
        "the last line on stdout is JSON: {\"tps\",\"p50_ms\",\"p99_ms\",\"verify_per_s_one_core\",...}."})
    static final class Pay extends CliCommand {

        @Mixin
        NodeOption node;

        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "Key file of a funded account (for example the dev node's keys/genesis-account.json).")
        Path keyFile;

        @Option(names = "--accounts", defaultValue = "1000", description = "Sender accounts to create (default: ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--txs", defaultValue = "50000", description = "Payments to submit (default: ${DEFAULT-VALUE}).")
        int transactions;

        @Option(names = "--warmup", defaultValue = "20000",
                description = "Payments committed before measuring, to warm the node's JIT up (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--batch", defaultValue = "1000", description = "Payments per request (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--connections", defaultValue = "2", description = "Concurrent submitters (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--rate", defaultValue = "0", paramLabel = "TX_PER_S",
                description = {"Offer this many payments per second, on schedule, to measure latency at a sustained load;",
                    "0 submits as fast as the node takes them (default: ${DEFAULT-VALUE})."})
        double rate;

        @Option(names = "--submit-to", split = ",", paramLabel = "URL",
                description = "Nodes to send the batches to, in turn (default: the --node URL).")
        java.util.List<String> submitUrls = new java.util.ArrayList<>();

        @Override
        int execute() {
            final PayLoadOptions options = new PayLoadOptions(node.nodeUrl, keyFile, accounts, transactions, warmup, batch,
                connections, submitUrls, rate, System.err);
            try {
                final PayLoadResult result = new PayLoadGenerator(options).run();
                out().println(result.toJson());
                out().flush();
                return result.committed() == transactions ? ExitCode.OK : ExitCode.SOFTWARE;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailedException("interrupted");
            }
        }
    }

    /** {@code banyan bench create}: BID document creations committed per second, with payments as the reference. */
    @Command(name = "create", description = {
        "Pre-sign BID documents and the DDO transactions that create them (--per-tx each), submit them and report",
        "documents committed per second; then, as the reference, run the payment load of 'bench pay' in the same run.",
        "Progress goes to stderr; the last line on stdout is JSON: {\"documents_per_s\",\"payments_per_s\",...}."})
    static final class Create extends CliCommand {

        @Mixin
        NodeOption node;

        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "Key file of a funded account that pays for everything (the dev node's genesis key).")
        Path keyFile;

        @Option(names = "--documents", defaultValue = "20000", description = "Documents to create (default: ${DEFAULT-VALUE}).")
        int documents;

        @Option(names = "--warmup", defaultValue = "5000",
                description = "Documents created before measuring, to warm the node up (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--per-tx", defaultValue = "100",
                description = "Documents per transaction, at most 100 (default: ${DEFAULT-VALUE}).")
        int perTransaction;

        @Option(names = "--payments", defaultValue = "20000",
                description = "Payments of the reference run; 0 skips it (default: ${DEFAULT-VALUE}).")
        int payments;

        @Override
        int execute() {
            if (documents < 1 || warmup < 0 || perTransaction < 1 || perTransaction > DdoContract.MAX_DOCUMENTS_PER_TRANSACTION
                    || payments < 0) {
                throw new IllegalArgumentException("--documents must be positive, --warmup and --payments not negative,"
                        + " and --per-tx 1 to " + DdoContract.MAX_DOCUMENTS_PER_TRANSACTION);
            }
            try {
                DocumentLoad load = new DocumentLoad(node.nodeUrl, KeyFile.load(keyFile).signingKey(), System.err);
                int first = load.firstMissing();
                if (warmup > 0) {
                    System.err.println("warming the node up with " + warmup + " documents (not measured)");
                    load.create(first, first + warmup, perTransaction);
                }
                DocumentLoad.Result result = load.create(first + warmup, first + warmup + documents, perTransaction);
                double paymentsPerSecond = payments == 0 ? 0 : new PayLoadGenerator(new PayLoadOptions(node.nodeUrl,
                        keyFile, 1000, payments, payments / 2, 1000, 2, List.of(), 0, System.err)).run()
                        .transactionsPerSecond();
                out().println(String.format(Locale.ROOT, "{\"documents_per_s\":%.1f,\"documents\":%d,"
                        + "\"failed_transactions\":%d,\"seconds\":%.3f,\"payments_per_s\":%.1f}",
                        result.documentsPerSecond(), result.documents(), result.failedTransactions(), result.seconds(),
                        paymentsPerSecond));
                out().flush();
                return result.failedTransactions() == 0 ? ExitCode.OK : ExitCode.SOFTWARE;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailedException("interrupted");
            }
        }
    }

    /** {@code banyan bench resolve}: warm resolutions per second over keep-alive HTTP, with getLedger as reference. */
    @Command(name = "resolve", description = {
        "Make sure the node holds --documents BID documents (creating the missing ones, unmeasured), then drive",
        "keep-alive GETs at /1.0/identifiers/{did}, at /{bid} and, as the reference, at /getLedger, each warmed up",
        "and then measured. Progress goes to stderr; the last line on stdout is JSON:",
        "{\"w3c_per_s\",\"bif_per_s\",\"get_ledger_per_s\",...}."})
    static final class Resolve extends CliCommand {

        @Mixin
        NodeOption node;

        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "Key file of a funded account that pays for creating missing documents.")
        Path keyFile;

        @Option(names = "--documents", defaultValue = "10000", description = "Documents to resolve (default: ${DEFAULT-VALUE}).")
        int documents;

        @Option(names = "--connections", defaultValue = "16",
                description = "Keep-alive connections, one request in flight each (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per view (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--warmup-seconds", defaultValue = "10",
                description = "Warm-up seconds per view (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Override
        int execute() {
            if (documents < 1 || connections < 1 || connections > 256 || seconds < 1 || warmupSeconds < 0) {
                throw new IllegalArgumentException("--documents and --seconds must be positive, --connections 1 to 256,"
                        + " --warmup-seconds not negative");
            }
            try {
                ResolveLoad.Result result = new ResolveLoad(node.nodeUrl, System.err).run(documents,
                        KeyFile.load(keyFile).signingKey(), connections, Duration.ofSeconds(warmupSeconds),
                        Duration.ofSeconds(seconds));
                out().println(result.toJson());
                out().flush();
                return ExitCode.OK;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailedException("interrupted");
            } catch (final IOException e) {
                throw new CommandFailedException("the load failed: " + e.getMessage());
            }
        }
    }

    /** {@code banyan bench jmh}: runs the JMH benchmarks shipped in this jar. */
    @Command(name = "jmh", description = {"Run the JMH micro-benchmarks shipped in this jar. Other arguments go to JMH unchanged,",
            "for example: banyan bench jmh SignatureVerifyBenchmark -rf json -rff results.json (-l lists them)."})
    static final class Jmh extends CliCommand {

        /** Everything picocli does not recognise goes to JMH unchanged (JMH's own options start with '-'). */
        @Unmatched
        java.util.List<String> arguments = new java.util.ArrayList<>();

        @Override
        int execute() {
            try {
                org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
                return ExitCode.OK;
            } catch (final Exception e) {
                throw new CommandFailedException("JMH failed: " + e.getMessage());
            }
        }
    }
}
