package org.banyan.identity.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.identity.ResultCode;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static String problem(final String text) {
        final var result = StrictJson.parse(text);
        assertThat(result.isOk()).as(text).isFalse();
        assertThat(result.error().code()).isEqualTo(ResultCode.PROTOCOL_ERROR);
        return result.error().message();
    }

    @Test
    void rejectsWhatIJsonForbids() {
        assertThat(problem("{\"a\":1,\"a\":2}")).contains("Duplicate");
        assertThat(problem("{\"a\":\"\\ud800\"}")).contains("lone UTF-16 surrogate");
        assertThat(problem("{\"\\udc00\":1}")).contains("surrogate in field name");
        assertThat(problem("[1e400]")).contains("double range");
        assertThat(problem("{} {}")).contains("not valid JSON");
        assertThat(problem("")).contains("empty");
        assertThat(problem("{\"a\":")).contains("not valid JSON");
        assertThat(problem("{'a':1}")).contains("not valid JSON");
        assertThat(problem("[NaN]")).contains("not valid JSON");
    }

    @Test
    void nestingIsCappedAtTheLimit() {
        final String atCap = "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH);
        assertThat(StrictJson.parse(atCap).isOk()).isTrue();
        assertThat(problem("[" + atCap + "]")).contains("depth");
    }

    @Test
    void parseObjectRequiresAnObject() {
        assertThat(StrictJson.parseObject("{\"a\":[1]}").value().get("a").get(0).intValue()).isEqualTo(1);
        assertThat(StrictJson.parseObject("[1]").error().message()).contains("expected a JSON object, got ARRAY");
    }

    @Test
    void wellFormedPairsSurrogates() {
        assertThat(StrictJson.wellFormed("a\ud83d\ude00b")).isTrue();
        assertThat(StrictJson.wellFormed("\ude00\ud83d")).isFalse();
        assertThat(StrictJson.wellFormed("end\ud83d")).isFalse();
    }
}
