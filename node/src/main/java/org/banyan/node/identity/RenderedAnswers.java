package org.banyan.node.identity;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resolution answers already rendered, each valid for the ledger it was rendered from: a warm resolver then answers
 * a repeated request by copying bytes, without querying the ledger, parsing the stored document and rendering it
 * again. Any new ledger makes every entry stale (a stale entry is replaced on its next request), so answers never lag
 * the chain. Only answers from this chain's own state are kept, never a sub-chain's.
 *
 * <p>Bounded by {@link #MAX_BYTES} of bodies: past it, arbitrary entries are dropped until a quarter is free, which
 * suits answers that are all equally cheap to render again. Reads take no lock. Thread-safe.
 */
public final class RenderedAnswers {

    /** Body bytes kept: room for the two views of 20,000 typical documents (about 1.5 KB each). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final long FREE_DIVISOR = 4;

    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** One rendered answer and the ledger it belongs to. */
    public record Answer(long ledgerSeq, int status, String contentType, byte[] body) {
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /** The answer under {@code key}, if it was rendered from ledger {@code ledgerSeq}. */
    public Optional<Answer> get(final String key, final long ledgerSeq) {
        final Answer answer = answers.get(key);
        return answer != null && answer.ledgerSeq() == ledgerSeq ? Optional.of(answer) : Optional.empty();
    }

    /** Keeps {@code answer} under {@code key}, replacing what was there. */
    public void put(final String key, final Answer answer) {
        if (answer.body().length > MAX_BYTES / FREE_DIVISOR) {
            return;
        }
        final Answer previous = answers.put(key, answer);
        final long total = bytes.addAndGet(answer.body().length - (previous == null ? 0 : previous.body().length));
        if (total > MAX_BYTES) {
            makeRoom();
        }
    }

    /** Body bytes held now. */
    public long sizeBytes() {
        return bytes.get();
    }

    private void makeRoom() {
        final Iterator<Map.Entry<String, Answer>> iterator = answers.entrySet().iterator();
        while (bytes.get() > MAX_BYTES - MAX_BYTES / FREE_DIVISOR && iterator.hasNext()) {
            final Map.Entry<String, Answer> entry = iterator.next();
            // Only the very answer seen is dropped, so the byte count stays exact under concurrent puts.
            if (answers.remove(entry.getKey(), entry.getValue())) {
                bytes.addAndGet(-entry.getValue().body().length);
            }
        }
    }
}
