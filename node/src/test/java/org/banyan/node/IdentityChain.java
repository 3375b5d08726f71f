package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.BidError;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.DdoContract;

/** DDO and registry calls through a test node's {@code /submitTransaction}, waiting for each commit. */
final class IdentityChain {

    /** Covers the fee of a transaction of 100 typical documents, or one oversized one, at the test gas price. */
    static final long FEE_LIMIT = 100_000_000;

    private final TestNode node;

    IdentityChain(final TestNode node) {
        this.node = node;
    }

    /** Commits one transaction from {@code source} calling the DDO contract once per input; returns its result code. */
    ResultCode ddo(final PrivateKey source, final String... inputs) {
        return call(DdoContract.ADDRESS, source, inputs);
    }

    /** Commits one transaction from {@code source} calling the contract at {@code address} once per input. */
    ResultCode call(final String address, final PrivateKey source, final String... inputs) {
        final long nonce = node.account(source).getNonce() + 1;
        final JsonNode record = node.commit(TestTransactions.contractCalls(source, nonce, FEE_LIMIT, address, inputs)
            .build(), source);
        if (record.path("error_code").asInt() == 0) {
            return ResultCode.SUCCESS;
        }
        return ContractFailure.fromDescription(record.path("error_desc").asText()).map(BidError::code)
            .orElseThrow(() -> new AssertionError("not a contract failure: " + record));
    }

    /** Asserts that the call succeeds. */
    void succeeds(final PrivateKey source, final String input) {
        assertThat(ddo(source, input)).isEqualTo(ResultCode.SUCCESS);
    }
}
