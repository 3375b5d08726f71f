package org.banyan.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 and its published examples; numbers follow ECMAScript's Number.prototype.toString. */
class JsonCanonicalizationTest {

    @Test
    void sortsMembersByUtf16CodeUnitsAsRfc8785Section3_2_3Shows() {
        final String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With"
                + " Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";

        assertThat(JsonCanonicalization.canonicalize(JsonText.parseObject(input, "input"))).isEqualTo(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With"
                        + " Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter"
                        + " Dalet With Dagesh\"}");
    }

    @Test
    void reproducesTheRfc8785Section3_2_2Example() {
        final String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";

        assertThat(JsonCanonicalization.canonicalize(JsonText.parseObject(input, "input"))).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0", "-0, 0", "1, 1", "-1, -1", "0.5, 0.5", "100, 100", "1e21, 1e+21", "1e20, 100000000000000000000",
        "123456789012345680000, 123456789012345680000", "0.000001, 0.000001", "0.0000001, 1e-7",
        "1.5e-7, 1.5e-7", "9007199254740993, 9007199254740992", "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "0.1, 0.1", "-1.25e-10, -1.25e-10",
        "295147905179352830000, 295147905179352830000", "4.35, 4.35"})
    void writesNumbersAsEcmaScriptDoes(final String json, final String expected) {
        assertThat(JsonCanonicalization.number(new BigDecimal(json).doubleValue())).isEqualTo(expected);
    }

    @Test
    void everyNumberReadsBackAsTheSameDouble() {
        qt().forAll(longs().all()).checkAssert(bits -> {
            final double value = Double.longBitsToDouble(bits);
            if (Double.isFinite(value)) {
                assertThat(Double.parseDouble(JsonCanonicalization.number(value))).isEqualTo(value == 0 ? 0.0 : value);
            }
        });
        qt().forAll(doubles().any()).checkAssert(value -> {
            if (Double.isFinite(value)) {
                assertThat(Double.parseDouble(JsonCanonicalization.number(value))).isEqualTo(value == 0 ? 0.0 : value);
            }
        });
    }

    @Test
    void rejectsNumbersBeyondDoublesAndUnpairedSurrogates() {
        assertThatThrownBy(() -> JsonCanonicalization.canonicalize(JsonText.parseObject("{\"a\":1e400}", "input")))
                .isInstanceOf(CredentialException.class).hasMessageContaining("PROOF_TRANSFORMATION_ERROR");
        assertThatThrownBy(() -> JsonCanonicalization.canonicalize(JsonText.parseObject("{\"a\":\"\\ud800x\"}", "input")))
                .isInstanceOf(CredentialException.class).hasMessageContaining("unpaired surrogate U+D800");
        assertThatThrownBy(() -> JsonCanonicalization.canonicalize(JsonText.parseObject("{\"\\udc00\":1}", "input")))
                .isInstanceOf(CredentialException.class).hasMessageContaining("unpaired surrogate U+DC00");
    }
}
