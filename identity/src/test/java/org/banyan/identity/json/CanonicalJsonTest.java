package org.banyan.identity.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static JsonNode json(final String text) {
        return StrictJson.parse(text).value();
    }

    @Test
    void rfc8785Section3Example() {
        // RFC 8785 §3.2.2 / §3.2.3 sample input (its Unicode escapes written out here as Java escapes).
        final String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
            + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
        assertThat(CanonicalJson.text(json(input))).isEqualTo("{\"literals\":[null,true,false],\"numbers\":"
            + "[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void membersSortByUtf16CodeUnitsNotByCodePoints() {
        // RFC 8785 §3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16 order.
        final String input = "{\"\\u20ac\":1,\"\\r\":2,\"\\ud83d\\ude00\":3,\"1\":4,\"\\ufb33\":5,\"\\u0080\":6,\"\\u00f6\":7}";
        assertThat(CanonicalJson.text(json(input)))
            .isEqualTo("{\"\\r\":2,\"1\":4,\"\u0080\":6,\"ö\":7,\"€\":1,\"\ud83d\ude00\":3,\"\ufb33\":5}");
    }

    @Test
    void nestedObjectsSortAndArraysKeepTheirOrder() {
        assertThat(CanonicalJson.text(json("{ \"b\" : [ 3, {\"z\":1, \"a\":2} ], \"a\" : { \"d\": [], \"c\": {} } }")))
            .isEqualTo("{\"a\":{\"c\":{},\"d\":[]},\"b\":[3,{\"a\":2,\"z\":1}]}");
    }

    @Test
    void onlyControlCharactersAndQuotesAreEscaped() {
        final ObjectNode object = StrictJson.object().put("s", "\u0001\u001f\u007f\u2028</é");
        assertThat(CanonicalJson.text(object)).isEqualTo("{\"s\":\"\\u0001\\u001f\u007f\u2028</é\"}");
        assertThat(CanonicalJson.bytes(object)).isEqualTo(CanonicalJson.text(object).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void canonicalTextIsAFixedPointOfParsing() {
        qt().forAll(lists().of(strings().allPossible().ofLengthBetween(0, 8)).ofSizeBetween(0, 6)).check(keys -> {
            final ObjectNode object = StrictJson.object();
            keys.stream().filter(StrictJson::wellFormed).forEach(key -> object.put(key, key.length() * 0.5));
            final String canonical = CanonicalJson.text(object);
            return CanonicalJson.text(json(canonical)).equals(canonical);
        });
    }
}
