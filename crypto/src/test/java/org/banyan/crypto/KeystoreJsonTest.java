package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeystoreJsonTest {

    @Test
    void readsStringsIntegersAndNestedObjects() {
        final Map<String, Object> object = KeystoreJson.readObject(
                " {\"a\" : \"x\\\"y\\u0041\\n\", \"b\":0,\"c\":{\"d\":123456789012345678}} ");
        assertThat(object).containsEntry("a", "x\"yA\n").containsEntry("b", 0L);
        assertThat(object.get("c")).isEqualTo(Map.of("d", 123456789012345678L));
        assertThat(KeystoreJson.readObject("{}")).isEmpty();
    }

    @Test
    void acceptsNestingAtTheDepthCapAndRejectsDeeper() {
        assertThat(KeystoreJson.readObject("{\"a\":{\"b\":\"c\"}}")).containsKey("a");
        assertThatThrownBy(() -> KeystoreJson.readObject("{\"a\":{\"b\":{\"c\":\"d\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than " + KeystoreJson.MAX_DEPTH);
    }

    @Test
    void acceptsIntegersAtTheDigitCapAndRejectsLonger() {
        final String atCap = "9".repeat(KeystoreJson.MAX_INTEGER_DIGITS);
        assertThat(KeystoreJson.readObject("{\"n\":" + atCap + "}")).containsEntry("n", Long.parseLong(atCap));
        assertThatThrownBy(() -> KeystoreJson.readObject("{\"n\":" + atCap + "9}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than " + KeystoreJson.MAX_INTEGER_DIGITS + " digits");
    }

    @Test
    void rejectsMalformedText() {
        final String[][] cases = {
            {"", "unexpected end"},
            {"[]", "expected '{'"},
            {"{\"a\":1", "unexpected end"},
            {"{\"a\":1,}", "expected '\"'"},
            {"{\"a\" 1}", "expected ':'"},
            {"{a:1}", "expected '\"'"},
            {"{\"a\":1}x", "unexpected text after"},
            {"{\"a\":1,\"a\":2}", "duplicate member \"a\""},
            {"{\"a\":true}", "expected a string, a non-negative integer or an object"},
            {"{\"a\":null}", "expected a string"},
            {"{\"a\":-1}", "expected a string"},
            {"{\"a\":[1]}", "expected a string"},
            {"{\"a\":1.5}", "only integers"},
            {"{\"a\":1e3}", "only integers"},
            {"{\"a\":01}", "leading zero"},
            {"{\"a\":\"\\x\"}", "invalid escape"},
            {"{\"a\":\"\\u12g4\"}", "invalid \\u escape"},
            {"{\"a\":\"line\nbreak\"}", "control character"},
            {"{\"a\":\"open}", "unexpected end"},
        };
        for (final String[] testCase : cases) {
            assertThatThrownBy(() -> KeystoreJson.readObject(testCase[0]))
                    .as(testCase[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("malformed keystore JSON at offset")
                    .hasMessageContaining(testCase[1]);
        }
    }
}
