package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CallTest {

    private static Call call(final String params) {
        return Call.parse("{\"method\":\"m\",\"params\":" + params + "}");
    }

    @ParameterizedTest
    @ValueSource(ints = {ChainGroupLimits.MAX_NAME_CHARS, ChainGroupLimits.MAX_LABEL_CHARS, ChainGroupLimits.MAX_URL_CHARS,
        ChainGroupLimits.MAX_REASON_CHARS, ChainGroupLimits.MAX_PROPOSAL_CHARS, ChainGroupLimits.MAX_PUBLIC_KEY_CHARS,
        ChainGroupLimits.MAX_CERTIFIED_HEADER_CHARS})
    void textIsAcceptedAtItsCapAndRefusedPastIt(final int cap) {
        assertThat(call("{\"t\":\"" + "x".repeat(cap) + "\"}").text("t", cap)).hasSize(cap);
        assertThat(call("{\"t\":\"" + "x".repeat(cap) + "\"}").optionalText("t", cap)).hasSize(cap);

        assertThatThrownBy(() -> call("{\"t\":\"" + "x".repeat(cap + 1) + "\"}").text("t", cap))
            .isInstanceOf(Refusal.class).hasMessage("m needs 't' as a string of 1 to " + cap + " characters");
        assertThatThrownBy(() -> call("{\"t\":\"" + "x".repeat(cap + 1) + "\"}").optionalText("t", cap))
            .isInstanceOf(Refusal.class);
    }

    @Test
    void addressesAreCapped() {
        final String address = TestChain.key("a").publicKey().address().toString();
        assertThat(call("{\"a\":\"" + address + "\"}").address("a")).isEqualTo(address);
        assertThatThrownBy(() -> call("{\"a\":\"" + "d".repeat(ChainGroupLimits.MAX_ADDRESS_CHARS + 1) + "\"}")
            .address("a")).hasMessageContaining("1 to " + ChainGroupLimits.MAX_ADDRESS_CHARS);
        final String list = IntStream.range(0, 3).mapToObj(index -> "\"" + address + "\"")
            .collect(Collectors.joining(",", "[", "]"));
        assertThatThrownBy(() -> call("{\"a\":" + list + "}").addresses("a", 3)).hasMessageContaining("twice");
    }

    @Test
    void methodNamesAreCapped() {
        assertThat(Call.parse("{\"method\":\"" + "m".repeat(64) + "\"}").method()).hasSize(64);
        assertThatThrownBy(() -> Call.parse("{\"method\":\"" + "m".repeat(65) + "\"}"))
            .hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> Call.parse("{\"params\":{}}")).hasMessageContaining("name its method");
        assertThatThrownBy(() -> Call.parse("{\"method\":\"m\",\"params\":[]}")).hasMessageContaining("JSON object");
        assertThat(Call.parse("{\"method\":\"m\"}").params()).isEmpty();
    }

    @Test
    void numbersBooleansAndChoicesAreTyped() {
        assertThat(call("{\"n\":5}").number("n", 0, 5)).isEqualTo(5);
        assertThatThrownBy(() -> call("{\"n\":6}").number("n", 0, 5)).hasMessageContaining("from 0 to 5");
        assertThatThrownBy(() -> call("{\"n\":1.5}").number("n", 0, 5)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> call("{\"n\":\"5\"}").number("n", 0, 5)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> call("{\"b\":\"true\"}").bool("b")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> call("{\"c\":\"z\"}").choice("c", "x", "y")).hasMessageContaining("one of x, y");
        assertThatThrownBy(() -> call("{\"c\":1,\"d\":2}").only("c")).hasMessageContaining("no parameter 'd'");
    }
}
