package org.banyan.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.LedgerInfo;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;

/**
 * The document-creation load behind {@code banyan bench create}: pre-signs documents ({@link BenchDocuments}) and the
 * transactions that create them, {@code perTransaction} documents each, all from one funded account (the proofs are
 * by each document's own key, so any account may relay them); then submits them as fast as the node takes them and
 * follows the ledger headers until every transaction is in a ledger. The rate is documents over the time from the
 * first submission to the close time of the ledger that took the last transaction; only transactions that succeeded
 * count.
 */
public final class DocumentLoad {

    /** Fee limit per document: a document costs about 100,000 glowstone at the default gas price. */
    private static final long FEE_LIMIT_PER_DOCUMENT = 1_000_000;

    /** Transactions per submit request: ten 100-document transactions are about 1.5 MB of hex. */
    private static final int TRANSACTIONS_PER_REQUEST = 10;

    /** How long the run waits without any new ledger before it gives up. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private static final long POLL_MILLIS = 20;

    private final BanyanClient client;
    private final PrivateKey funder;
    private final PrintStream progress;

    /** A load against the node at {@code nodeUrl}, paid by {@code funder}'s account. */
    public DocumentLoad(final String nodeUrl, final PrivateKey funder, final PrintStream progress) {
        this.client = BanyanClient.connect(nodeUrl, BanyanClient.DEFAULT_CONNECT_TIMEOUT, Duration.ofMinutes(2));
        this.funder = funder;
        this.progress = progress;
    }

    /**
     * What a run measured.
     *
     * @param documents documents in transactions that succeeded
     * @param failedTransactions transactions that committed but failed
     */
    public record Result(long documents, long failedTransactions, double seconds) {

        /** Documents created per second. */
        public double documentsPerSecond() {
            return documents / seconds;
        }
    }

    /** The first benchmark document the node does not hold yet, where a new run starts. */
    public int firstMissing() {
        return BenchDocuments.firstMissing(client);
    }

    /** Creates documents {@code from} (inclusive) to {@code to}, {@code perTransaction} per transaction. */
    public Result create(final int from, final int to, final int perTransaction) throws InterruptedException {
        final String time = LocalDateTime.ofEpochSecond(Instant.now().getEpochSecond(), 0, ZoneOffset.UTC)
            .format(BidDocumentCodec.TIME_FORMAT);
        say("pre-signing %,d documents and their transactions", to - from);
        final BidDocument[] documents = new BidDocument[to - from];
        IntStream.range(from, to).parallel().forEach(index -> documents[index - from] = BenchDocuments.signed(index, time));
        final String source = funder.publicKey().address().toString();
        long nonce = client.getNonce(source) + 1;
        final List<SignedTransaction> transactions = new ArrayList<>();
        for (int start = 0; start < documents.length; start += perTransaction) {
            final List<BidDocument> batch = List.of(documents).subList(start, Math.min(documents.length, start + perTransaction));
            transactions.add(new TransactionBuilder().source(source).nonce(nonce++)
                .feeLimit(FEE_LIMIT_PER_DOCUMENT * batch.size())
                .payCoin(DdoContract.ADDRESS, 0, DdoCalls.creation(batch)).build().sign(funder));
        }
        final long baseCount = client.getLatestLedger().header().getTxCount();
        final long startMicros = nowMicros();
        for (int start = 0; start < transactions.size(); start += TRANSACTIONS_PER_REQUEST) {
            for (final SubmitResult result : client.submit(transactions.subList(start,
                Math.min(transactions.size(), start + TRANSACTIONS_PER_REQUEST)))) {
                if (!result.isAccepted()) {
                    throw new IllegalStateException("a creation transaction was refused: " + result.errorCode() + " "
                        + result.errorDesc());
                }
            }
        }
        final long endMicros = followCommits(baseCount, transactions.size());
        long failed = 0;
        long created = 0;
        for (int index = 0; index < transactions.size(); index++) {
            final TransactionRecord record = client.waitForCommit(transactions.get(index).hashHex(), STALL_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("a creation transaction was not committed"));
            if (record.isSuccess()) {
                created += Math.min(perTransaction, documents.length - index * perTransaction);
            } else {
                failed++;
                if (failed == 1) {
                    say("  a transaction failed: %s", record.errorDesc());
                }
            }
        }
        final Result result = new Result(created, failed, Math.max(1e-6, (endMicros - startMicros) / 1e6));
        say("created %,d documents in %.2f s: %,.0f documents/s; %,d transactions failed", result.documents(),
            result.seconds(), result.documentsPerSecond(), failed);
        return result;
    }

    /** Polls headers until {@code total} more transactions are in ledgers; returns the last one's close time. */
    private long followCommits(final long baseCount, final long total) throws InterruptedException {
        long lastSeq = 0;
        long lastProgressNanos = System.nanoTime();
        while (true) {
            final LedgerInfo ledger = client.getLatestLedger();
            if (ledger.header().getTxCount() - baseCount >= total) {
                return ledger.header().getCloseTime();
            }
            if (ledger.header().getSeq() != lastSeq) {
                lastSeq = ledger.header().getSeq();
                lastProgressNanos = System.nanoTime();
            } else if (System.nanoTime() - lastProgressNanos > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("no new ledger for " + STALL_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static long nowMicros() {
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private void say(final String format, final Object... arguments) {
        progress.println(String.format(Locale.ROOT, format, arguments));
    }
}
