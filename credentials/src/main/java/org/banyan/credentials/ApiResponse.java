package org.banyan.credentials;

/** An HTTP-shaped answer of {@link CredentialsApi}: the status code and the JSON body to send. */
public record ApiResponse(int status, String body) {

    /** The content type of every body. */
    public static final String CONTENT_TYPE = "application/json";

    /** Checks the status range and that a body is present. */
    public ApiResponse {
        if (status < 200 || status > 599 || body == null) {
            throw new IllegalArgumentException("an API response needs an HTTP status and a body");
        }
    }
}
