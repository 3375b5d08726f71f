package org.banyan.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import org.banyan.identity.json.StrictJson;

/**
 * The envelope every identity system contract call and query comes in, {@code {"method":…,"params":{…}}}, read
 * strictly: a member the envelope does not have is a {@link ResultCode#PROTOCOL_ERROR}, a missing one a
 * {@link ResultCode#FIELD_NOT_FOUND}.
 */
public record ContractCall(String method, ObjectNode params) {

    private static final Set<String> MEMBERS = Set.of("method", "params");

    public ContractCall {
        Objects.requireNonNull(method, "method");
        params = params.deepCopy();
    }

    /** A copy of the parameters. */
    @Override
    public ObjectNode params() {
        return params.deepCopy();
    }

    /** Reads a call of the contract named {@code contract} (for messages) from its JSON input. */
    public static BidResult<ContractCall> parse(final String input, final String contract) {
        return StrictJson.parseObject(input).then(json -> {
            final Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                final String name = names.next();
                if (!MEMBERS.contains(name)) {
                    return BidResult.failed(ResultCode.PROTOCOL_ERROR, "a " + contract + " call has the unknown member '"
                        + name + "'; it is {\"method\":…,\"params\":{…}}");
                }
            }
            if (!json.path("method").isTextual()) {
                return BidResult.failed(ResultCode.FIELD_NOT_FOUND, "a " + contract + " call needs a string \"method\"");
            }
            final JsonNode params = json.path("params");
            if (!(params instanceof ObjectNode object)) {
                return BidResult.failed(ResultCode.FIELD_NOT_FOUND, "a " + contract + " call needs an object \"params\"");
            }
            return BidResult.ok(new ContractCall(json.get("method").textValue(), object));
        });
    }
}
