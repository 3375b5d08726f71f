package org.banyan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

class BidSyntaxTest {

    private static final String SUFFIX_22 = "a".repeat(BidSyntax.SUFFIX_MIN_LENGTH);
    private static final String SUFFIX_42 = "Z9".repeat(BidSyntax.SUFFIX_MAX_LENGTH / 2);

    @Test
    void acceptsAccountAddresses() {
        assertThat(BidSyntax.isValid("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx")).isTrue();
        assertThat(BidSyntax.isValid("did:bid:by01:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx")).isTrue();
        assertThat(BidSyntax.isValid("did:bid:efspy6btdcuzP5BH2N899Ycti5Sd7n3z")).isTrue();
    }

    @Test
    void acceptsTheAcCodeBidOfASubChain() {
        assertThat(BidSyntax.isValid("did:bid:byo1")).isTrue();
        assertThat(BidSyntax.isValid("did:bid:BY01")).isTrue();
    }

    @Test
    void acceptsSuffixesAtBothLengthLimits() {
        assertThat(BidSyntax.isValid("did:bid:" + SUFFIX_22)).isTrue();
        assertThat(BidSyntax.isValid("did:bid:" + SUFFIX_42)).isTrue();
        assertThat(BidSyntax.isValid("did:bid:abcd:" + SUFFIX_22)).isTrue();
        assertThat(BidSyntax.isValid("did:bid:abcd:" + SUFFIX_42)).isTrue();
    }

    @Test
    void rejectsSuffixesJustOutsideTheLimits() {
        assertThat(BidSyntax.isValid("did:bid:" + SUFFIX_22.substring(1))).isFalse();
        assertThat(BidSyntax.isValid("did:bid:" + SUFFIX_42 + "a")).isFalse();
        assertThat(BidSyntax.isValid("did:bid:abcd:" + SUFFIX_22.substring(1))).isFalse();
        assertThat(BidSyntax.isValid("did:bid:abcd:" + SUFFIX_42 + "a")).isFalse();
    }

    @Test
    void rejectsMalformedIdentifiers() {
        for (final String bad : new String[] {
            "", "did:bid:", "did:bid:abc", "did:bid:abcde", "did:bid:abcd:", "did:bid::" + SUFFIX_22,
            "did:bid:abc:" + SUFFIX_22, "did:bid:abcde:" + SUFFIX_22, "did:bid:ab_d:" + SUFFIX_22,
            "did:bid:abcd:" + SUFFIX_22 + ":x", "did:bid:abcd:efgh:" + SUFFIX_22, "DID:BID:" + SUFFIX_22,
            "did:bif:" + SUFFIX_22, "did:bid:" + SUFFIX_22.substring(1) + "-",
            "did:bid:" + SUFFIX_22.substring(1) + "é",
            " did:bid:" + SUFFIX_22, "did:bid:" + SUFFIX_22 + " ",
        }) {
            assertThat(BidSyntax.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void everyAlphanumericSuffixInRangeIsValid() {
        qt().forAll(Generators.textOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                        BidSyntax.SUFFIX_MIN_LENGTH, BidSyntax.SUFFIX_MAX_LENGTH))
                .checkAssert(suffix -> {
                    assertThat(BidSyntax.isValid("did:bid:" + suffix)).isTrue();
                    assertThat(BidSyntax.isValid("did:bid:a1b2:" + suffix)).isTrue();
                });
    }

    @Test
    void acCodesAreFourLowerCaseLettersOrDigits() {
        assertThat(BidSyntax.isAcCode("by01")).isTrue();
        assertThat(BidSyntax.isAcCode("0000")).isTrue();
        assertThat(BidSyntax.isAcCode("zzzz")).isTrue();
        for (final String bad : new String[] {"", "by0", "by012", "BY01", "by-1", "by 1", "bý01"}) {
            assertThat(BidSyntax.isAcCode(bad)).as(bad).isFalse();
        }
    }
}
