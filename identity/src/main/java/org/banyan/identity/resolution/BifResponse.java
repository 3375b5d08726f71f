package org.banyan.identity.resolution;

import java.util.Objects;

/** A BIF resolver answer (RFC-005): its {@code errorCode} and the JSON body that carries it. Served with HTTP 200. */
public record BifResponse(int errorCode, String json) {

    public BifResponse {
        Objects.requireNonNull(json, "json");
    }
}
