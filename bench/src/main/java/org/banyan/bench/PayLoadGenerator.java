package org.banyan.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hex;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.Signature;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.LedgerInfo;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.UnsignedTransaction;

/**
 * The payment load generator behind {@code banyan bench pay}. It creates and funds sender accounts,
 * pre-signs every payment and pre-encodes every request body (so the measured phase spends client CPU
 * only on sending), then submits in batches over a few keep-alive connections while a poller follows
 * the ledger headers. A payment's commit latency is the close time of the ledger that took it minus the
 * moment its batch was sent. Payments are taken in nonce rounds across accounts, so transactions commit
 * close to submission order; the k-th submitted is counted as committed by the first ledger whose
 * cumulative {@code tx_count} reaches it.
 */
public final class PayLoadGenerator {

    /** Fee limit of generated payments: covers a payment's fee at the default gas price tens of times over. */
    private static final long FEE_LIMIT = 200_000;

    /** Payment amount: the smallest, so balances never limit the run. */
    private static final long AMOUNT = 1;

    /** Extra balance per sender so that any reasonable base reserve (BIF keeps 0.1 XHT) is covered: 1 XHT. */
    private static final long RESERVE_ALLOWANCE = 100_000_000;

    /** Operations per funding transaction (the SDK's batch limit in BIF). */
    private static final int FUNDING_OPERATIONS = 100;

    /** How long the run waits without any new commit before it gives up. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    /** Pause between header polls. */
    private static final long POLL_MILLIS = 20;

    private final PayLoadOptions options;
    private final BanyanClient client;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Optional<String> acCode = Optional.empty();

    public PayLoadGenerator(final PayLoadOptions options) {
        this.options = options;
        this.client = BanyanClient.connect(options.nodeUrl());
    }

    /** Runs the whole benchmark and returns what it measured. */
    public PayLoadResult run() throws InterruptedException {
        final KeyFile funderKey = KeyFile.load(options.keyFile());
        // On a sub-chain the funder's address carries the AC code, and so do the senders' (did:bid:<ac>:…).
        acCode = Address.parse(funderKey.address()).acCode();
        final PrivateKey funder = funderKey.signingKey();
        final List<PrivateKey> senders = createSenders();
        final int total = options.warmup() + options.transactions();
        final int rounds = (total + senders.size() - 1) / senders.size();
        fund(funder, senders, rounds);

        say("pre-signing %,d payments on %d cores", total, Runtime.getRuntime().availableProcessors());
        final List<String> warmup = presign(senders, 0, options.warmup());
        final List<String> measured = presign(senders, options.warmup(), total);

        say("measuring this machine's Ed25519 verify rate on one core");
        final double verifyRate = VerifyRate.measure(3_000);
        say("  %,.0f verifications/s on one core; the two-core limit is %,.0f tx/s", verifyRate, 2 * verifyRate);

        if (!warmup.isEmpty()) {
            say("warming the node up with %,d payments (not measured)", options.warmup());
            submitAndFollow(warmup, options.warmup(), verifyRate);
        }
        say("measuring: %,d payments", options.transactions());
        return submitAndFollow(measured, options.transactions(), verifyRate);
    }

    /** The key's account address on the benchmarked chain. */
    private String addressOf(final PrivateKey key) {
        return acCode.map(code -> key.publicKey().address(code)).orElseGet(() -> key.publicKey().address()).toString();
    }

    private List<PrivateKey> createSenders() {
        final SecureRandom random = new SecureRandom();
        final List<PrivateKey> senders = new ArrayList<>(options.accounts());
        for (int index = 0; index < options.accounts(); index++) {
            senders.add(PrivateKey.generate(KeyType.ED25519, random));
        }
        return senders;
    }

    private void fund(final PrivateKey funder, final List<PrivateKey> senders, final int rounds) {
        final String funderAddress = addressOf(funder);
        final long feeEstimate = client.evaluateFee(new TransactionBuilder()
            .source(funderAddress).nonce(1).gasPrice(TransactionBuilder.DEFAULT_GAS_PRICE)
            .payCoin(addressOf(senders.get(1)), RESERVE_ALLOWANCE).build().transaction(), 1).actualFee();
        final long perSender = rounds * (feeEstimate + AMOUNT) + 2 * FEE_LIMIT + RESERVE_ALLOWANCE;
        say("creating and funding %,d accounts with %,d glowstone each", senders.size(), perSender);
        long nonce = client.getNonce(funderAddress) + 1;
        final List<SignedTransaction> funding = new ArrayList<>();
        for (int start = 0; start < senders.size(); start += FUNDING_OPERATIONS) {
            final TransactionBuilder builder = new TransactionBuilder().source(funderAddress).nonce(nonce++)
                .feeLimit(100 * TransactionBuilder.DEFAULT_FEE_LIMIT);
            for (final PrivateKey sender : senders.subList(start, Math.min(senders.size(), start + FUNDING_OPERATIONS))) {
                builder.payCoin(addressOf(sender), perSender);
            }
            funding.add(builder.build().sign(funder));
        }
        for (final SubmitResult result : client.submit(funding)) {
            if (!result.isAccepted()) {
                throw new IllegalStateException("funding transaction refused: " + result.errorCode() + " " + result.errorDesc());
            }
        }
        final String last = funding.get(funding.size() - 1).hashHex();
        final long fundedSeq = client.waitForCommit(last, Duration.ofMinutes(2)).filter(record -> record.isSuccess())
            .orElseThrow(() -> new IllegalStateException("funding did not commit successfully within two minutes"))
            .ledgerSeq();
        awaitLedger(fundedSeq);
    }

    /**
     * Waits until every node payments go to has committed ledger {@code seq}: a node still behind would refuse
     * payments from accounts it has not seen funded yet.
     */
    private void awaitLedger(final long seq) {
        final long deadlineNanos = System.nanoTime() + STALL_TIMEOUT.toNanos();
        for (final String url : options.submitUrls()) {
            final BanyanClient node = BanyanClient.connect(url);
            while (node.getLatestLedger().header().getSeq() < seq) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException(url + " did not reach ledger " + seq + " within "
                        + STALL_TIMEOUT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + url, e);
                }
            }
        }
    }

    /**
     * Signs payments {@code from} (inclusive) to {@code to} of the run, taking nonce round r of every sender
     * before round r + 1, and encodes request bodies of one batch each.
     */
    private List<String> presign(final List<PrivateKey> senders, final int from, final int to) {
        final String[] items = new String[to - from];
        final String[] addresses = senders.stream().map(this::addressOf).toArray(String[]::new);
        IntStream.range(from, to).parallel().forEach(position -> {
            final int sender = position % senders.size();
            final long nonce = position / senders.size() + 1;
            final UnsignedTransaction unsigned = new TransactionBuilder()
                .source(addresses[sender]).nonce(nonce).feeLimit(FEE_LIMIT)
                .payCoin(addresses[(sender + 1) % senders.size()], AMOUNT)
                .build();
            items[position - from] = item(unsigned.sign(senders.get(sender)));
        });
        final List<String> bodies = new ArrayList<>();
        for (int start = 0; start < items.length; start += options.batch()) {
            bodies.add("{\"items\":[" + String.join(",", Arrays.asList(items).subList(start, Math.min(items.length, start + options.batch())))
                + "]}");
        }
        return bodies;
    }

    private static String item(final SignedTransaction transaction) {
        final StringBuilder json = new StringBuilder(512).append("{\"transaction_blob\":\"")
            .append(Hex.encode(transaction.blob().toByteArray())).append("\",\"signatures\":[");
        for (int index = 0; index < transaction.signatures().size(); index++) {
            final Signature signature = transaction.signatures().get(index);
            json.append(index == 0 ? "" : ",").append("{\"sign_data\":\"").append(Hex.encode(signature.getSignData().toByteArray()))
                .append("\",\"public_key\":\"").append(signature.getPublicKey()).append("\"}");
        }
        return json.append("]}").toString();
    }

    private PayLoadResult submitAndFollow(final List<String> bodies, final int total, final double verifyRate)
        throws InterruptedException {
        final long baseCount = client.getLatestLedger().header().getTxCount();
        final long[] sentMicros = new long[bodies.size()];
        final AtomicLong refused = new AtomicLong();
        final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        IntStream.range(0, bodies.size()).forEach(queue::add);
        final List<URI> submitUris = options.submitUrls().stream()
            .map(url -> URI.create(url.replaceAll("/+$", "") + "/submitTransaction")).toList();

        say("submitting %,d payments in batches of %,d over %d connections to %d node(s)%s", total, options.batch(),
            options.connections(), submitUris.size(),
            options.ratePerSecond() > 0 ? String.format(Locale.ROOT, " at %,.0f tx/s", options.ratePerSecond()) : "");
        final ExecutorService submitters = Executors.newFixedThreadPool(options.connections());
        final List<Future<?>> running = new ArrayList<>();
        final long startMicros = nowMicros();
        for (int connection = 0; connection < options.connections(); connection++) {
            running.add(submitters.submit(() -> {
                Integer batch;
                while ((batch = queue.poll()) != null) {
                    waitForSchedule(startMicros, batch);
                    sentMicros[batch] = nowMicros();
                    refused.addAndGet(send(submitUris.get(batch % submitUris.size()), bodies.get(batch)));
                }
                return null;
            }));
        }
        submitters.shutdown();

        final List<long[]> commits = followCommits(baseCount, total, refused);
        for (final Future<?> future : running) {
            try {
                future.get();
            } catch (final java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a submitter failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return summarize(commits, sentMicros, startMicros, baseCount, refused.get(), verifyRate);
    }

    /** With a rate, batch k leaves k × batch / rate seconds after the start (open loop); without one, at once. */
    private void waitForSchedule(final long startMicros, final int batch) throws InterruptedException {
        if (options.ratePerSecond() <= 0) {
            return;
        }
        final long dueMicros = startMicros + (long) (1e6 * batch * options.batch() / options.ratePerSecond());
        final long waitMicros = dueMicros - nowMicros();
        if (waitMicros > 0) {
            Thread.sleep(waitMicros / 1000, (int) (waitMicros % 1000) * 1000);
        }
    }

    /** Sends one pre-encoded batch and returns how many of its transactions the node refused. */
    private long send(final URI submit, final String body) throws java.io.IOException, InterruptedException {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(submit)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("submitTransaction answered HTTP " + response.statusCode());
        }
        final int items = count(body, "\"transaction_blob\"");
        final int accepted = successCount(response.body());
        return items - accepted;
    }

    /** Polls headers until every accepted payment is in a ledger; returns (close time µs, cumulative count) pairs. */
    private List<long[]> followCommits(final long baseCount, final long total, final AtomicLong refused)
        throws InterruptedException {
        final List<long[]> commits = new ArrayList<>();
        long lastSeq = 0;
        long lastProgressNanos = System.nanoTime();
        long reported = 0;
        while (true) {
            final LedgerInfo ledger = client.getLatestLedger();
            final long seq = ledger.header().getSeq();
            if (seq != lastSeq) {
                for (long missed = lastSeq == 0 ? seq : lastSeq + 1; missed <= seq; missed++) {
                    final LedgerInfo closed = missed == seq ? ledger : client.getLedger(missed);
                    commits.add(new long[] {closed.header().getCloseTime(), closed.header().getTxCount() - baseCount});
                }
                lastSeq = seq;
                lastProgressNanos = System.nanoTime();
            }
            final long committed = commits.isEmpty() ? 0 : commits.get(commits.size() - 1)[1];
            if (committed - reported >= Math.max(1, total / 10)) {
                say("  %,d of %,d committed", committed, total);
                reported = committed;
            }
            if (committed >= total - refused.get()) {
                return commits;
            }
            if (System.nanoTime() - lastProgressNanos > STALL_TIMEOUT.toNanos()) {
                say("  no new ledger for %d s; stopping with %,d committed", STALL_TIMEOUT.toSeconds(), committed);
                return commits;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private PayLoadResult summarize(final List<long[]> commits, final long[] sentMicros, final long startMicros,
                                    final long baseCount, final long refused, final double verifyRate) {
        final long committed = commits.isEmpty() ? 0 : commits.get(commits.size() - 1)[1];
        final int perBatch = options.batch();
        final double[] latencies = new double[(int) committed];
        int ledger = 0;
        for (int position = 0; position < committed; position++) {
            while (commits.get(ledger)[1] < position + 1) {
                ledger++;
            }
            latencies[position] = (commits.get(ledger)[0] - sentMicros[position / perBatch]) / 1000.0;
        }
        Arrays.sort(latencies);
        final long endMicros = commits.isEmpty() ? startMicros : commits.get(commits.size() - 1)[0];
        final double seconds = Math.max(1e-6, (endMicros - startMicros) / 1e6);
        final PayLoadResult result = new PayLoadResult(committed, refused, seconds, committed / seconds,
            percentile(latencies, 0.50), percentile(latencies, 0.99), verifyRate);
        say("committed %,d payments in %.2f s: %,.0f tx/s, commit latency p50 %.0f ms, p99 %.0f ms; %,d refused",
            committed, seconds, result.transactionsPerSecond(), result.p50Millis(), result.p99Millis(), refused);
        say("that is %.0f%% of the two-core Ed25519 verify limit (%,.0f tx/s)",
            100 * result.ratioToTwoCoreVerifyLimit(), 2 * verifyRate);
        return result;
    }

    private static double percentile(final double[] sorted, final double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static int successCount(final String response) {
        final int at = response.indexOf("\"success_count\"");
        if (at < 0) {
            throw new IllegalStateException("submitTransaction answered without success_count: "
                + response.substring(0, Math.min(200, response.length())));
        }
        int position = response.indexOf(':', at) + 1;
        while (Character.isWhitespace(response.charAt(position))) {
            position++;
        }
        int end = position;
        while (Character.isDigit(response.charAt(end))) {
            end++;
        }
        return Integer.parseInt(response.substring(position, end));
    }

    private static int count(final String text, final String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    private static long nowMicros() {
        final java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private void say(final String format, final Object... arguments) {
        options.progress().println(String.format(Locale.ROOT, format, arguments));
    }
}
