package org.banyan.identity.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class EcmaNumbersTest {

    @Test
    void everyReferenceDoubleIsWrittenAsNodeJsWritesIt() throws IOException {
        final List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            Objects.requireNonNull(getClass().getResourceAsStream("/jcs-numbers.txt")), StandardCharsets.UTF_8))) {
            lines = reader.lines().filter(line -> !line.startsWith("#")).toList();
        }
        assertThat(lines).hasSizeGreaterThan(500);
        for (final String line : lines) {
            final String[] parts = line.split(" ");
            final double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(parts[0]));
            assertThat(EcmaNumbers.format(value)).as(parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void rfc8785SamplesOfTheTwoNotations() {
        assertThat(EcmaNumbers.format(-0.0)).isEqualTo("0");
        assertThat(EcmaNumbers.format(1e21)).isEqualTo("1e+21");
        assertThat(EcmaNumbers.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(EcmaNumbers.format(1e-6)).isEqualTo("0.000001");
        assertThat(EcmaNumbers.format(1e-7)).isEqualTo("1e-7");
        assertThat(EcmaNumbers.format(-1.5e-7)).isEqualTo("-1.5e-7");
        assertThat(EcmaNumbers.format(123.456)).isEqualTo("123.456");
    }

    @Test
    void theTextReadsBackAsTheSameDouble() {
        qt().forAll(doubles().any()).assuming(Double::isFinite)
            .check(value -> Double.parseDouble(EcmaNumbers.format(value)) == value);
    }

    @Test
    void nonFiniteNumbersHaveNoJsonForm() {
        assertThatThrownBy(() -> EcmaNumbers.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcmaNumbers.format(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }
}
