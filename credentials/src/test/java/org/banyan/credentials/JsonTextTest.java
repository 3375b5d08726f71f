package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void acceptsTextAtTheLengthCapAndRejectsOneCharacterMore() {
        final String prefix = "{\"a\":\"";
        final String atCap = prefix + "x".repeat(Limits.MAX_JSON_LENGTH_CHARS - prefix.length() - 2) + "\"}";

        assertThat(atCap).hasSize(Limits.MAX_JSON_LENGTH_CHARS);
        assertThat(JsonText.parseObject(atCap, "the input").getString("a")).hasSize(Limits.MAX_JSON_LENGTH_CHARS - 8);
        assertThatThrownBy(() -> JsonText.parseObject(atCap + " ", "the input"))
                .isInstanceOf(CredentialException.class)
                .hasMessage("PARSING_ERROR: the input has 262145 characters; at most 262144 are accepted");
    }

    @Test
    void acceptsNestingAtTheDepthCapAndRejectsOneLevelMore() {
        final int arrays = Limits.MAX_JSON_NESTING_DEPTH - 1;
        final String atCap = "{\"a\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
        final String overCap = "{\"a\":" + "[".repeat(arrays + 1) + "]".repeat(arrays + 1) + "}";

        assertThat(JsonText.parseObject(atCap, "the input")).containsKey("a");
        assertThatThrownBy(() -> JsonText.parseObject(overCap, "the input")).isInstanceOf(CredentialException.class)
                .hasMessageContaining("nests deeper than 32 levels");
    }

    @Test
    void rejectsRepeatedMemberNamesAtAnyDepth() {
        assertThatThrownBy(() -> JsonText.parseObject("{\"a\":1,\"a\":2}", "the input"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("repeats the member name \"a\"");
        assertThatThrownBy(() -> JsonText.parseObject("{\"a\":[{\"b\":1,\"b\":1}]}", "the input"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("\"b\"");
        assertThat(JsonText.parseObject("{\"a\":{\"b\":1},\"c\":{\"b\":2}}", "the input")).hasSize(2);
    }

    @Test
    void rejectsNonObjectsEmptyTextAndInvalidJson() {
        assertThatThrownBy(() -> JsonText.parseObject("[1]", "the input"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> JsonText.parseObject("", "the input"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("PARSING_ERROR");
        assertThatThrownBy(() -> JsonText.parseObject("{\"a\":}", "the input"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonText.parseObject("{\"a\":1} {", "the input"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("PARSING_ERROR");
    }
}
