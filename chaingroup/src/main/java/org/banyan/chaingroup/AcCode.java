package org.banyan.chaingroup;

/** The AC code a sub-chain is issued: 4 lowercase letters or digits, the prefix of its {@code did:bid:<ac>:…} accounts. */
public final class AcCode {

    /** Characters of an AC code, as BIF fixes it. */
    public static final int LENGTH = 4;

    private AcCode() {
    }

    /** Whether {@code text} is a well-formed AC code. */
    public static boolean isValid(final String text) {
        return text.length() == LENGTH
            && text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
}
