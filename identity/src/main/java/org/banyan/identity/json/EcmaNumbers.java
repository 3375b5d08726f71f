package org.banyan.identity.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as ECMAScript's {@code Number.prototype.toString} does, which RFC 8785 §3.2.2.3 requires of
 * canonical JSON: the shortest decimal digits that read back as the same double (the nearest such digits, ties to
 * even), in plain notation for exponents from -7 to 20 and in {@code 1.5e+21} notation outside it.
 *
 * <p>The digits come from {@link BigDecimal}, not {@link Double#toString}, which on Java 17 does not always give the
 * shortest digits (JDK-4511638, fixed in Java 19).
 */
public final class EcmaNumbers {

    /** A double never needs more significant digits than this to read back exactly. */
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    /** Largest decimal exponent written in plain notation (ECMA-262 Number::toString step 7). */
    private static final int MAX_PLAIN_EXPONENT = 21;

    /** Smallest decimal exponent written as {@code 0.000…} (ECMA-262 Number::toString step 9). */
    private static final int MIN_PLAIN_EXPONENT = -6;

    private EcmaNumbers() {
    }

    /**
     * The ECMAScript text of {@code value}.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold
     */
    public static String format(final double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON numbers are finite; " + value + " has no JSON form");
        }
        if (value == 0) {
            return "0";
        }
        final BigDecimal shortest = shortestDigits(Math.abs(value)).stripTrailingZeros();
        final String digits = shortest.unscaledValue().toString();
        final int digitCount = digits.length();
        // value = 0.digits x 10^exponent, ECMA-262's n.
        final int exponent = digitCount - shortest.scale();
        final String sign = value < 0 ? "-" : "";
        if (digitCount <= exponent && exponent <= MAX_PLAIN_EXPONENT) {
            return sign + digits + "0".repeat(exponent - digitCount);
        }
        if (0 < exponent && exponent <= MAX_PLAIN_EXPONENT) {
            return sign + digits.substring(0, exponent) + "." + digits.substring(exponent);
        }
        if (MIN_PLAIN_EXPONENT < exponent && exponent <= 0) {
            return sign + "0." + "0".repeat(-exponent) + digits;
        }
        final int powerOfTen = exponent - 1;
        final String mantissa = digitCount == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (powerOfTen >= 0 ? "+" : "-") + Math.abs(powerOfTen);
    }

    /** The fewest significant digits that read back as {@code positive}, nearest to its exact value. */
    private static BigDecimal shortestDigits(final double positive) {
        final BigDecimal exact = new BigDecimal(positive);
        for (int precision = 1; precision < MAX_SIGNIFICANT_DIGITS; precision++) {
            final BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == positive) {
                return candidate;
            }
        }
        return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
    }
}
