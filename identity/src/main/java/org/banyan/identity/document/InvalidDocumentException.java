package org.banyan.identity.document;

import org.banyan.identity.BidError;

/** Thrown inside validation to stop at the first problem; {@link BidDocumentCodec} turns it into a result. */
final class InvalidDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient BidError error;

    InvalidDocumentException(final BidError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    BidError error() {
        return error;
    }
}
