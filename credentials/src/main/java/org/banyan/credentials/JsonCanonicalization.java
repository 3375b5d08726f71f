package org.banyan.credentials;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Canonicalization Scheme (RFC 8785), which {@code eddsa-jcs-2022} signs.
 *
 * <p>Members are sorted by the UTF-16 code units of their names ({@link String#compareTo} order),
 * strings are escaped as ECMAScript's {@code JSON.stringify} escapes them, and numbers are written
 * as ECMAScript's {@code Number.prototype.toString} writes the IEEE double nearest to them: the
 * shortest digit string that reads back as the same double. Strings with unpaired surrogates and
 * non-finite numbers have no I-JSON form and are rejected.
 */
public final class JsonCanonicalization {

    /** Digits that always suffice to read back any double. */
    private static final int MAX_DOUBLE_DIGITS = 17;

    /** ECMAScript writes plain decimals up to this decimal exponent and exponent notation beyond. */
    private static final int MAX_PLAIN_EXPONENT = 21;

    /** ECMAScript writes {@code 0.000001} plainly but {@code 1e-7} in exponent notation. */
    private static final int MIN_PLAIN_EXPONENT = -6;

    private JsonCanonicalization() {
    }

    /**
     * The canonical text of a JSON value.
     *
     * @throws CredentialException with {@link ProblemType#PROOF_TRANSFORMATION_ERROR} for a string with
     *     an unpaired surrogate or a number too large for a double
     */
    public static String canonicalize(final JsonValue value) {
        final StringBuilder text = new StringBuilder();
        write(value, text);
        return text.toString();
    }

    private static void write(final JsonValue value, final StringBuilder text) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject(value.asJsonObject(), text);
            case ARRAY -> writeArray(value.asJsonArray(), text);
            case STRING -> writeString(((JsonString) value).getString(), text);
            case NUMBER -> text.append(number(((JsonNumber) value).bigDecimalValue().doubleValue()));
            case TRUE -> text.append("true");
            case FALSE -> text.append("false");
            case NULL -> text.append("null");
        }
    }

    private static void writeObject(final JsonObject object, final StringBuilder text) {
        final List<String> names = new ArrayList<>(object.keySet());
        names.sort(String::compareTo);
        text.append('{');
        for (int index = 0; index < names.size(); index++) {
            if (index > 0) {
                text.append(',');
            }
            writeString(names.get(index), text);
            text.append(':');
            write(object.get(names.get(index)), text);
        }
        text.append('}');
    }

    private static void writeArray(final JsonArray array, final StringBuilder text) {
        text.append('[');
        for (int index = 0; index < array.size(); index++) {
            if (index > 0) {
                text.append(',');
            }
            write(array.get(index), text);
        }
        text.append(']');
    }

    private static void writeString(final String string, final StringBuilder text) {
        text.append('"');
        for (int index = 0; index < string.length(); index++) {
            final char character = string.charAt(index);
            switch (character) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (character < 0x20) {
                        text.append(String.format("\\u%04x", (int) character));
                    } else {
                        requirePairedSurrogate(string, index);
                        text.append(character);
                    }
                }
            }
        }
        text.append('"');
    }

    private static void requirePairedSurrogate(final String string, final int index) {
        final char character = string.charAt(index);
        final boolean paired;
        if (Character.isHighSurrogate(character)) {
            paired = index + 1 < string.length() && Character.isLowSurrogate(string.charAt(index + 1));
        } else if (Character.isLowSurrogate(character)) {
            paired = index > 0 && Character.isHighSurrogate(string.charAt(index - 1));
        } else {
            paired = true;
        }
        if (!paired) {
            throw new CredentialException(ProblemType.PROOF_TRANSFORMATION_ERROR, String.format(
                    "a string has an unpaired surrogate U+%04X at index %d, which JCS cannot encode",
                    (int) character, index));
        }
    }

    /** ECMAScript {@code Number.prototype.toString} of a double (ECMA-262 §6.1.6.1.20). */
    static String number(final double value) {
        if (!Double.isFinite(value)) {
            throw new CredentialException(ProblemType.PROOF_TRANSFORMATION_ERROR,
                    "a number is outside the range of IEEE 754 doubles, which JCS cannot encode");
        }
        if (value == 0) {
            return "0";
        }
        final BigDecimal shortest = shortestDecimal(value);
        final String digits = shortest.unscaledValue().abs().toString();
        final int digitCount = digits.length();
        final int exponent = digitCount - shortest.scale();
        final StringBuilder text = new StringBuilder(value < 0 ? "-" : "");
        if (digitCount <= exponent && exponent <= MAX_PLAIN_EXPONENT) {
            text.append(digits).append("0".repeat(exponent - digitCount));
        } else if (0 < exponent && exponent <= MAX_PLAIN_EXPONENT) {
            text.append(digits, 0, exponent).append('.').append(digits, exponent, digitCount);
        } else if (MIN_PLAIN_EXPONENT < exponent && exponent <= 0) {
            text.append("0.").append("0".repeat(-exponent)).append(digits);
        } else {
            text.append(digits.charAt(0));
            if (digitCount > 1) {
                text.append('.').append(digits, 1, digitCount);
            }
            text.append('e').append(exponent - 1 > 0 ? "+" : "-").append(Math.abs(exponent - 1));
        }
        return text.toString();
    }

    /**
     * The decimal with the fewest digits that reads back as the value; among those, the nearest.
     * Rounding the exact binary value half-even to each precision in turn finds it, because the
     * nearest decimal of a precision is the one most likely to read back.
     */
    private static BigDecimal shortestDecimal(final double value) {
        final BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < MAX_DOUBLE_DIGITS; precision++) {
            final BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(MAX_DOUBLE_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
