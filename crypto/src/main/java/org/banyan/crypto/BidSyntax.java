package org.banyan.crypto;

/**
 * Syntax of BID identifiers per RFC-004 §4.1.
 *
 * <pre>
 * bid-did                 = "did:bid:" bid-specific-identifier
 * bid-specific-identifier = 0*1(acsn ":") suffix / acsn ":" 0*1(suffix)
 * acsn                    = 4(ALPHA / DIGIT)
 * suffix                  = 22*42(ALPHA / DIGIT)
 * </pre>
 *
 * <p>The second alternative exists for the AC-code BID of a sub-chain, whose document holds the
 * sub-chain resolver; RFC-004 writes it {@code did:bid:byo1}, without a colon. We accept exactly that
 * spelling and reject a bare trailing colon, so every BID has one spelling. ALPHA and DIGIT are ASCII
 * as in RFC 5234. This is syntax only: {@link Address#parse} is the strict account-address check.
 */
public final class BidSyntax {

    /** The DID scheme and method prefix of every BID. */
    public static final String METHOD_PREFIX = "did:bid:";

    /** Length of an AC code (ACSN), the sub-chain identifier a super node issues. */
    public static final int AC_CODE_LENGTH = 4;

    /** Shortest suffix RFC-004 allows. */
    public static final int SUFFIX_MIN_LENGTH = 22;

    /** Longest suffix RFC-004 allows; also bounds the Base58 work of parsing an address. */
    public static final int SUFFIX_MAX_LENGTH = 42;

    private static final char SEPARATOR = ':';

    private BidSyntax() {
    }

    /** Whether the text is a syntactically valid BID: main-chain, sub-chain, or a sub-chain's AC-code BID. */
    public static boolean isValid(final String text) {
        if (!text.startsWith(METHOD_PREFIX)) {
            return false;
        }
        final String identifier = text.substring(METHOD_PREFIX.length());
        final int separator = identifier.indexOf(SEPARATOR);
        if (separator < 0) {
            return isAlphanumeric(identifier, AC_CODE_LENGTH, AC_CODE_LENGTH)
                    || isAlphanumeric(identifier, SUFFIX_MIN_LENGTH, SUFFIX_MAX_LENGTH);
        }
        return separator == AC_CODE_LENGTH
                && isAlphanumeric(identifier.substring(0, separator), AC_CODE_LENGTH, AC_CODE_LENGTH)
                && isAlphanumeric(identifier.substring(separator + 1), SUFFIX_MIN_LENGTH, SUFFIX_MAX_LENGTH);
    }

    /**
     * Whether the text is an AC code as super nodes issue them: exactly 4 lower-case ASCII letters or
     * digits. Stricter than the ABNF's {@code acsn}, which also admits upper case.
     */
    public static boolean isAcCode(final String text) {
        if (text.length() != AC_CODE_LENGTH) {
            return false;
        }
        for (int index = 0; index < text.length(); index++) {
            final char character = text.charAt(index);
            if (!(character >= 'a' && character <= 'z') && !(character >= '0' && character <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(final String text, final int minLength, final int maxLength) {
        if (text.length() < minLength || text.length() > maxLength) {
            return false;
        }
        for (int index = 0; index < text.length(); index++) {
            final char character = text.charAt(index);
            final boolean letter = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
            if (!letter && !(character >= '0' && character <= '9')) {
                return false;
            }
        }
        return true;
    }
}
