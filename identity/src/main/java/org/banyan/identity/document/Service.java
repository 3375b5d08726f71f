package org.banyan.identity.document;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code service} entry. A {@link TypeCodes#SUB_RESOLVER} service also names the resolution protocol version, the
 * transport ({@link TypeCodes#PROTOCOLS}), whether the endpoint is a domain or an IP ({@link TypeCodes#SERVER_TYPES})
 * and, for an IP, the port.
 */
public record Service(String id, String type, String serviceEndpoint, Optional<String> version, OptionalInt protocol,
                      OptionalInt serverType, OptionalInt port) {

    public Service {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(serverType, "serverType");
        Objects.requireNonNull(port, "port");
    }

    /** A plain service: id, type and endpoint. */
    public static Service of(final String id, final String type, final String serviceEndpoint) {
        return new Service(id, type, serviceEndpoint, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty());
    }
}
