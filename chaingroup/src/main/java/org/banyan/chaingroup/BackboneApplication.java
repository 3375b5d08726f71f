package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A backbone node's application: its node BID, its enterprise's BID, a hash of its documents, and where it stands. */
public record BackboneApplication(String nodeBid, String enterpriseBid, String documentsHash, String applicant,
                                  ApplicationStatus status, long updatedAtSeq) {

    public BackboneApplication {
        Objects.requireNonNull(nodeBid, "nodeBid");
        Objects.requireNonNull(enterpriseBid, "enterpriseBid");
        Objects.requireNonNull(documentsHash, "documentsHash");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(status, "status");
    }

    BackboneApplication withStatus(final ApplicationStatus next, final long seq) {
        return new BackboneApplication(nodeBid, enterpriseBid, documentsHash, applicant, next, seq);
    }

    ObjectNode toJson() {
        return Json.object().put("node_bid", nodeBid).put("enterprise_bid", enterpriseBid)
            .put("documents_hash", documentsHash).put("applicant", applicant).put("status", status.name())
            .put("updated_at", updatedAtSeq);
    }

    static BackboneApplication fromJson(final ObjectNode json) {
        return new BackboneApplication(json.get("node_bid").textValue(), json.get("enterprise_bid").textValue(),
            json.get("documents_hash").textValue(), json.get("applicant").textValue(),
            ApplicationStatus.valueOf(json.get("status").textValue()), json.get("updated_at").longValue());
    }
}
