package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.ERRORCODE;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplicationValidationTest {

    private final Group group = new Group();

    @BeforeEach
    void approveTheBackboneNode() {
        group.approveBackbone();
    }

    private TestChain.Sent apply(final String params) {
        return group.call(group.node, "applySubChain", params);
    }

    private String replaced(final String field, final String json) {
        return group.subChainParams("abcd").replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|\\d+)",
            "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(json));
    }

    private void assertInvalid(final String params, final String message) {
        final TestChain.Sent sent = apply(params);
        assertThat(sent.code()).as(sent.message()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        assertThat(sent.message()).contains(message);
    }

    @Test
    void acCodesAreFourLowercaseLettersOrDigits() {
        assertInvalid(group.subChainParams("ABCD"), "as an AC code of 4 lowercase letters or digits");
        assertInvalid(group.subChainParams("abc"), "as an AC code");
        assertInvalid(group.subChainParams("abcde"), "as an AC code");
        assertInvalid(group.subChainParams("ab-d"), "as an AC code");
        assertThat(apply(group.subChainParams("a1b2")).succeeded()).isTrue();
    }

    @Test
    void anAcCodeIsReservedUntilItsApplicationIsRejected() {
        assertThat(apply(group.subChainParams("abcd")).succeeded()).isTrue();

        final TestChain.Sent taken = apply(group.subChainParams("abcd"));
        assertThat(taken.code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(taken.message()).contains("the AC code 'abcd' is taken: its sub-chain is PENDING");

        group.vote(3, "rejectSubChain", "{\"ac\":\"abcd\"}");
        assertThat(group.query("subChain", "{\"ac\":\"abcd\"}")).contains("\"status\":\"REJECTED\"");
        assertThat(apply(group.subChainParams("abcd")).succeeded()).isTrue();
        assertThat(group.query("subChains", "{}")).as("listed once").containsOnlyOnce("\"ac\":\"abcd\"");
    }

    @Test
    void onlyAnApprovedBackboneNodeApplies() {
        final TestChain.Sent sent = group.call(group.gateway, "applySubChain", group.subChainParams("abcd"));

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(sent.message()).contains("only an approved backbone node");
    }

    @Test
    void textFieldsAreCappedAtTheirLimits() {
        final String longestName = "n".repeat(ChainGroupLimits.MAX_NAME_CHARS);
        assertThat(apply(replaced("name", "\"" + longestName + "\"")).succeeded()).isTrue();
        final Group other = new Group();
        other.approveBackbone();
        final String params = other.subChainParams("wxyz");
        assertThat(other.call(other.node, "applySubChain", params.replace("\"Logistics\"",
            "\"" + longestName + "n\"")).message()).contains("'name' as a string of 1 to " + ChainGroupLimits.MAX_NAME_CHARS);
        assertInvalid(replaced("industry", "\"" + "i".repeat(ChainGroupLimits.MAX_LABEL_CHARS + 1) + "\""),
            "'industry' as a string of 1 to " + ChainGroupLimits.MAX_LABEL_CHARS);
        assertInvalid(replaced("endpoint", "\"" + "e".repeat(ChainGroupLimits.MAX_URL_CHARS + 1) + "\""),
            "'endpoint' as a string of 1 to " + ChainGroupLimits.MAX_URL_CHARS);
        assertInvalid(replaced("name", "\"\""), "'name' as a string of 1 to");
    }

    @Test
    void validatorsAreOneToTheCapWithValidDistinctKeys() {
        final List<PrivateKey> most = IntStream.range(0, ChainGroupLimits.MAX_SUB_CHAIN_VALIDATORS)
            .mapToObj(index -> TestChain.key("many-" + index)).toList();
        assertThat(apply(replaced("validators", Group.validatorsJson(most))).succeeded()).isTrue();

        final List<PrivateKey> tooMany = IntStream.range(0, ChainGroupLimits.MAX_SUB_CHAIN_VALIDATORS + 1)
            .mapToObj(index -> TestChain.key("many-" + index)).toList();
        final Group other = new Group();
        other.approveBackbone();
        assertThat(other.call(other.node, "applySubChain", other.subChainParams("wxyz").replaceFirst(
            "\"validators\":\\[[^\\]]*\\]", "\"validators\":" + Group.validatorsJson(tooMany))).message())
            .contains("a list of 1 to " + ChainGroupLimits.MAX_SUB_CHAIN_VALIDATORS + " validators");
        assertInvalid(replaced("validators", "[]"), "a list of 1 to");
        assertInvalid(replaced("validators", "[{\"public_key\":\"b0656600\",\"power\":1}]"), "is invalid");
        assertInvalid(replaced("validators", Group.validatorsJson(List.of(group.node, group.node))), "twice");
    }

    @Test
    void gatewaysAreOneToTheCapOfValidAddresses() {
        final String most = IntStream.range(0, ChainGroupLimits.MAX_GATEWAYS)
            .mapToObj(index -> "\"" + TestChain.key("gw-" + index).publicKey().address() + "\"")
            .collect(Collectors.joining(",", "[", "]"));
        assertThat(apply(replaced("gateways", most)).succeeded()).isTrue();

        final String tooMany = IntStream.range(0, ChainGroupLimits.MAX_GATEWAYS + 1)
            .mapToObj(index -> "\"" + TestChain.key("gw-" + index).publicKey().address() + "\"")
            .collect(Collectors.joining(",", "[", "]"));
        assertInvalid(group.subChainParams("wxyz").replaceFirst("\"gateways\":\\[[^\\]]*\\]",
            "\"gateways\":" + tooMany), "a list of 1 to " + ChainGroupLimits.MAX_GATEWAYS + " BID addresses");
        assertInvalid(group.subChainParams("wxyz").replaceFirst("\"gateways\":\\[[^\\]]*\\]",
            "\"gateways\":[\"not-an-address\"]"), "as a BID address");
    }

    @Test
    void theGenesisHashIs32BytesOfHex() {
        assertInvalid(replaced("genesis_hash", "\"" + "cd".repeat(31) + "\""), "a 32-byte hash in 64 hex characters");
        assertInvalid(replaced("genesis_hash", "\"" + "zz".repeat(32) + "\""), "a 32-byte hash");
    }

    @Test
    void unknownMethodsAndMalformedInputAreRefused() {
        assertThat(group.call(group.node, "launch", "{}").message()).contains("has no method 'launch'");
        final TestChain.Sent malformed = group.main.send(group.node, TestChain.pay(ChainGroupContract.ADDRESS, 0)
            .toBuilder().setPayCoin(TestChain.pay(ChainGroupContract.ADDRESS, 0).getPayCoin().toBuilder()
                .setInput("not json")).build());
        assertThat(malformed.message()).contains("input must be a JSON object");
    }
}
