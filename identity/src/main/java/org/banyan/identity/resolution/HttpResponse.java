package org.banyan.identity.resolution;

import java.util.Objects;

/** A W3C resolver answer ready to serve: HTTP status, {@code Content-Type} and body. */
public record HttpResponse(int status, String contentType, String body) {

    public HttpResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
