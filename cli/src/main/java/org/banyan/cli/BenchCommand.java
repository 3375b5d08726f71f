package org.banyan.cli;

import java.nio.file.Path;
import org.banyan.bench.PayLoadGenerator;
import org.banyan.bench.PayLoadOptions;
import org.banyan.bench.PayLoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code banyan bench}: measure a node and this machine. */
@Command(name = "bench", description = "Benchmarks: a payment load test against a node, and the JMH micro-benchmarks.",
        subcommands = {BenchCommand.Pay.class, BenchCommand.Jmh.class})
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
