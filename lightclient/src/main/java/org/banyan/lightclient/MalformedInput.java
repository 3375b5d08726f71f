package org.banyan.lightclient;

/**
 * Why bytes or text from outside do not hold the expected value. Thrown only inside the codecs, which catch it at
 * their public boundary and return its message as a {@link Checked.Invalid} reason, so it never escapes the module.
 */
final class MalformedInput extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedInput(final String message) {
        super(message, null, false, false);
    }
}
