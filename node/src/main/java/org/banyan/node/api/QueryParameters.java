package org.banyan.node.api;

import io.javalin.http.Context;
import java.util.Optional;
import org.banyan.crypto.Address;

/** Reads BIF query-string parameters with clear errors for missing or ill-typed values. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** A parameter that must be present and non-empty. */
    static String required(final Context context, final String name) {
        return optional(context, name)
            .orElseThrow(() -> ApiException.invalidParameter("the query parameter '" + name + "' is required"));
    }

    /** A parameter that may be absent; an empty value counts as absent, as in BIF. */
    static Optional<String> optional(final Context context, final String name) {
        final String value = context.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A BID address parameter. */
    static String address(final Context context, final String name) {
        final String address = required(context, name);
        if (Address.tryParse(address).isEmpty()) {
            throw ApiException.invalidParameter("the query parameter '" + name + "' is not a valid BID address: "
                + abbreviate(address));
        }
        return address;
    }

    /** A non-negative integer parameter. */
    static Optional<Long> optionalCount(final Context context, final String name) {
        return optional(context, name).map(text -> {
            try {
                final long value = Long.parseLong(text);
                if (value < 0) {
                    throw ApiException.invalidParameter("the query parameter '" + name + "' must not be negative");
                }
                return value;
            } catch (final NumberFormatException e) {
                throw ApiException.invalidParameter("the query parameter '" + name + "' must be an integer but is '"
                    + abbreviate(text) + "'");
            }
        });
    }

    /** A boolean flag: only {@code true} (any case) turns it on, as in BIF. */
    static boolean flag(final Context context, final String name) {
        return optional(context, name).map("true"::equalsIgnoreCase).orElse(false);
    }

    static String abbreviate(final String text) {
        final int shown = 80;
        return text.length() <= shown ? text : text.substring(0, shown) + "…";
    }
}
