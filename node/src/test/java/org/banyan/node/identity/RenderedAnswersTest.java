package org.banyan.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rendered answers are valid for their ledger only, and their bodies never take more than the cap. */
class RenderedAnswersTest {

    private static RenderedAnswers.Answer answer(final long ledgerSeq, final int bodyBytes) {
        return new RenderedAnswers.Answer(ledgerSeq, 200, "application/json", new byte[bodyBytes]);
    }

    @Test
    void anAnswerServesOnlyTheLedgerItWasRenderedFrom() {
        final RenderedAnswers answers = new RenderedAnswers();
        answers.put("w3c did:bid:a", answer(7, 10));
        assertThat(answers.get("w3c did:bid:a", 7)).isPresent();
        assertThat(answers.get("w3c did:bid:a", 8)).isEmpty();
        answers.put("w3c did:bid:a", answer(8, 30));
        assertThat(answers.sizeBytes()).as("a replaced answer's bytes are given back").isEqualTo(30);
    }

    @Test
    void bodiesStayWithinTheCap() {
        final RenderedAnswers answers = new RenderedAnswers();
        final int body = 1024 * 1024;
        final int fitting = (int) (RenderedAnswers.MAX_BYTES / body);
        for (int index = 0; index < fitting; index++) {
            answers.put("key " + index, answer(1, body));
        }
        assertThat(answers.sizeBytes()).as("exactly at the cap").isEqualTo(RenderedAnswers.MAX_BYTES);
        assertThat(answers.get("key 0", 1)).isPresent();
        answers.put("one more", answer(1, body));
        assertThat(answers.sizeBytes()).as("a quarter was freed").isLessThanOrEqualTo(RenderedAnswers.MAX_BYTES * 3 / 4);
    }

    @Test
    void aBodyLargerThanAQuarterOfTheCapIsNotKept() {
        final RenderedAnswers answers = new RenderedAnswers();
        answers.put("huge", answer(1, (int) (RenderedAnswers.MAX_BYTES / 4) + 1));
        assertThat(answers.get("huge", 1)).isEmpty();
        assertThat(answers.sizeBytes()).isZero();
    }
}
