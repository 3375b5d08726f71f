package org.banyan.identity.ddo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.banyan.identity.BidError;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;
import org.junit.jupiter.api.Test;

class BidRecordTest {

    private static final String BID = TestDocuments.bid(TestDocuments.key(1));

    @Test
    void liveAndDeactivatedRecordsRoundTrip() {
        final BidRecord live = new BidRecord(BID, Optional.of("{\"a\":[1,\"x\"],\"b\":{}}"), TestDocuments.CREATED,
            "2023-11-15T00:00:00Z", false, 42);
        assertThat(BidRecord.parse(live.toJson()).value()).isEqualTo(live);
        final BidRecord deactivated = new BidRecord(BID, Optional.empty(), TestDocuments.CREATED, "2023-11-15T00:00:00Z",
            true, 43);
        assertThat(BidRecord.parse(deactivated.toJson()).value()).isEqualTo(deactivated);
        assertThat(deactivated.toJson()).doesNotContain("document");
    }

    @Test
    void theSplicedRecordTextIsCanonical() {
        for (final BidRecord record : List.of(
            new BidRecord(BID, Optional.of("{\"a\":[1,\"x\"],\"b\":{}}"), TestDocuments.CREATED, "2023-11-15T00:00:00Z",
                false, 9_007_199_254_740_991L),
            new BidRecord("did:bid:\"quoted\\\u0001", Optional.empty(), TestDocuments.CREATED, "2023-11-15T00:00:00Z",
                true, 0))) {
            assertThat(record.toJson()).isEqualTo(CanonicalJson.text(StrictJson.parse(record.toJson()).value()));
        }
    }

    @Test
    void malformedRecordsAreRefused() {
        for (final String text : List.of("", "[]", "{}", "{\"id\":\"" + BID + "\"}",
            "{\"id\":\"x\",\"created\":\"c\",\"updated\":\"u\",\"deactivated\":false,\"ledgerSeq\":1}",
            "{\"id\":\"x\",\"created\":\"c\",\"updated\":\"u\",\"deactivated\":true,\"ledgerSeq\":1,\"document\":{}}",
            "{\"id\":\"x\",\"created\":\"c\",\"updated\":\"u\",\"deactivated\":false,\"ledgerSeq\":1,\"document\":[]}",
            "{\"id\":\"x\",\"created\":\"c\",\"updated\":\"u\",\"deactivated\":\"no\",\"ledgerSeq\":1}")) {
            assertThat(BidRecord.parse(text).error().code()).as(text).isEqualTo(ResultCode.PROTOCOL_ERROR);
        }
        assertThatThrownBy(() -> new BidRecord(BID, Optional.empty(), "c", "u", false, 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ddoFailuresTravelThroughLedgerErrors() {
        final BidError error = new BidError(ResultCode.UNKNOWN_AC_CODE, "AC code \"zz99\" is not known");
        final var ledgerError = ContractFailure.toLedgerError(error);
        assertThat(ledgerError.number()).isEqualTo(151);
        assertThat(ContractFailure.fromDescription("operation 3 (PAY_COIN) failed: " + ledgerError.message())).contains(error);
        assertThat(ContractFailure.fromDescription("{\"errorCode\":99,\"message\":\"x\"}")).isEmpty();
        assertThat(ContractFailure.fromDescription("{\"errorCode\":4,\"message\":")).isEmpty();
        assertThat(ResultCode.of(10)).contains(ResultCode.UNKNOWN_AC_CODE);
        assertThat(ResultCode.of(11)).isEmpty();
        assertThatThrownBy(() -> new BidError(ResultCode.SUCCESS, "fine")).isInstanceOf(IllegalArgumentException.class);
    }
}
