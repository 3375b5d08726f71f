package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.Address;

/**
 * Supervision order {@code n} of sub-chain {@code ac}, as the main chain records it under {@code order/<ac>/<n>} and a
 * sub-chain reads it from a proven metadata entry.
 *
 * @param issuedAtSeq the main-chain ledger whose quorum decided it
 */
public record SupervisionOrder(String ac, long n, OrderKind kind, String account, String reason, long issuedAtSeq) {

    public SupervisionOrder {
        Objects.requireNonNull(ac, "ac");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(reason, "reason");
        if (n < 1) {
            throw new IllegalArgumentException("orders are numbered from 1, got " + n);
        }
    }

    /** The JSON stored on the main chain. */
    public String toJson() {
        return Json.write(Json.object().put("ac", ac).put("n", n).put("kind", kind.jsonName()).put("account", account)
            .put("reason", reason).put("issued_at", issuedAtSeq));
    }

    /** The order in {@code json}, or empty when it is not a well-formed order (a sub-chain reads proven entries). */
    public static Optional<SupervisionOrder> fromJson(final String json) {
        final Optional<ObjectNode> parsed = Json.parseObject(json);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        final ObjectNode node = parsed.get();
        final JsonNode ac = node.get("ac");
        final JsonNode n = node.get("n");
        final JsonNode kind = node.get("kind");
        final JsonNode account = node.get("account");
        final JsonNode reason = node.get("reason");
        final JsonNode issuedAt = node.get("issued_at");
        if (node.size() != 6 || ac == null || !ac.isTextual() || !AcCode.isValid(ac.textValue()) || n == null
            || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 1 || kind == null || !kind.isTextual()
            || OrderKind.fromJson(kind.textValue()).isEmpty() || account == null || !account.isTextual()
            || Address.tryParse(account.textValue()).isEmpty() || reason == null || !reason.isTextual()
            || issuedAt == null || !issuedAt.isIntegralNumber() || !issuedAt.canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(new SupervisionOrder(ac.textValue(), n.longValue(), OrderKind.fromJson(kind.textValue()).get(),
            account.textValue(), reason.textValue(), issuedAt.longValue()));
    }
}
