package org.banyan.node.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiFunction;
import org.banyan.credentials.ApiResponse;
import org.banyan.credentials.CredentialsApi;
import org.banyan.credentials.Limits;
import org.banyan.credentials.Problem;
import org.banyan.credentials.ProblemType;

/**
 * The VC-API endpoints: {@code POST /credentials/issue}, {@code /credentials/verify} and {@code /presentations/verify},
 * answered by {@link CredentialsApi} at the node clock's time, with its statuses and bodies (201/200 on success, 400
 * with an RFC 9457 problem or a failed verification, 501 from issue when the node has no issuer key).
 */
final class CredentialEndpoints {

    /**
     * Largest request body: the API reads at most {@link Limits#MAX_JSON_LENGTH_CHARS} characters, and a character
     * takes at most four bytes in UTF-8.
     */
    static final int MAX_BODY_BYTES = 4 * Limits.MAX_JSON_LENGTH_CHARS;

    private static final int BAD_REQUEST = 400;

    private final CredentialsApi api;
    private final Clock clock;

    CredentialEndpoints(final CredentialsApi api, final Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void addTo(final RoutesConfig routes) {
        routes.post("/credentials/issue", context -> answer(context, api::issue));
        routes.post("/credentials/verify", context -> answer(context, api::verifyCredential));
        routes.post("/presentations/verify", context -> answer(context, api::verifyPresentation));
    }

    private void answer(final Context context, final BiFunction<String, Instant, ApiResponse> endpoint) {
        final byte[] body;
        try {
            body = JsonRequests.readBody(context, MAX_BODY_BYTES);
        } catch (final ApiException e) {
            write(context, new ApiResponse(BAD_REQUEST, new Problem(ProblemType.PARSING_ERROR, e.getMessage()).toJson()
                .toString()));
            return;
        }
        write(context, endpoint.apply(new String(body, StandardCharsets.UTF_8), clock.instant()));
    }

    private static void write(final Context context, final ApiResponse response) {
        context.status(response.status()).contentType(ApiResponse.CONTENT_TYPE).result(response.body());
    }
}
