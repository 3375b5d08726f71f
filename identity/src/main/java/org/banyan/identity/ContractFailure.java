package org.banyan.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.banyan.identity.json.CanonicalJson;
import org.banyan.identity.json.StrictJson;
import org.banyan.ledger.LedgerError;
import org.banyan.protocol.ERRORCODE;

/**
 * How the result code of an identity system contract (the DDO contract, the trusted registry) travels through the
 * ledger. A refused call fails its transaction with BIF's contract failure
 * code 151 ({@code ERRCODE_CONTRACT_EXECUTE_FAIL}), and the error description carries the RFC-004 response itself,
 * {@code {"errorCode":9,"message":"…"}}, so the result code is visible in the transaction record (after the
 * ledger's {@code operation N (PAY_COIN) failed: } prefix) and in query errors.
 */
public final class ContractFailure {

    private ContractFailure() {
    }

    /** The ledger error that carries {@code error}. */
    public static LedgerError toLedgerError(final BidError error) {
        return new LedgerError(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL, CanonicalJson.text(StrictJson.object()
            .put("errorCode", error.code().number()).put("message", error.message())));
    }

    /** The DDO error inside a transaction's {@code error_desc} or a query's error message, if it carries one. */
    public static Optional<BidError> fromDescription(final String description) {
        final int start = description.indexOf("{\"errorCode\":");
        if (start < 0) {
            return Optional.empty();
        }
        return StrictJson.parse(description.substring(start)).isOk()
            ? read(StrictJson.parse(description.substring(start)).value()) : Optional.empty();
    }

    private static Optional<BidError> read(final JsonNode json) {
        final Optional<ResultCode> code = json.path("errorCode").canConvertToInt()
            ? ResultCode.of(json.path("errorCode").intValue()) : Optional.empty();
        if (code.isEmpty() || code.get() == ResultCode.SUCCESS || !json.path("message").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new BidError(code.get(), json.path("message").textValue()));
    }
}
