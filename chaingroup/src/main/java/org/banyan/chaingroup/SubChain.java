package org.banyan.chaingroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.banyan.ledger.Validator;

/**
 * A sub-chain as the main chain registers it: what its backbone node applied with, and where it stands.
 *
 * @param approvers the super nodes whose votes issued its AC code, empty until then
 * @param statusReason why it was last suspended, empty otherwise
 * @param issuedAtSeq the ledger that issued its AC code, 0 until then
 */
public record SubChain(String ac, String name, String industry, String chainType, long chainId, String genesisHash,
                       List<Validator> validators, List<String> gateways, String endpoint, String resolverUrl,
                       String applicant, SubChainStatus status, List<String> approvers, String statusReason,
                       long issuedAtSeq) {

    public SubChain {
        Objects.requireNonNull(ac, "ac");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(chainType, "chainType");
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(resolverUrl, "resolverUrl");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusReason, "statusReason");
        validators = List.copyOf(validators);
        gateways = List.copyOf(gateways);
        approvers = List.copyOf(approvers);
    }

    SubChain withStatus(final SubChainStatus next, final String reason) {
        return new SubChain(ac, name, industry, chainType, chainId, genesisHash, validators, gateways, endpoint,
            resolverUrl, applicant, next, approvers, reason, issuedAtSeq);
    }

    SubChain issued(final List<String> approvedBy, final long seq) {
        return new SubChain(ac, name, industry, chainType, chainId, genesisHash, validators, gateways, endpoint,
            resolverUrl, applicant, SubChainStatus.ACTIVE, approvedBy, "", seq);
    }

    ObjectNode toJson() {
        final ObjectNode json = Json.object().put("ac", ac).put("name", name).put("industry", industry)
            .put("chain_type", chainType).put("chain_id", chainId).put("genesis_hash", genesisHash);
        json.set("validators", validatorsJson(validators));
        final ArrayNode gatewayList = json.putArray("gateways");
        gateways.forEach(gatewayList::add);
        json.put("endpoint", endpoint).put("resolver_url", resolverUrl).put("applicant", applicant)
            .put("status", status.name());
        final ArrayNode approverList = json.putArray("approvers");
        approvers.forEach(approverList::add);
        return json.put("status_reason", statusReason).put("issued_at", issuedAtSeq);
    }

    static SubChain fromJson(final ObjectNode json) {
        final List<Validator> validators = new ArrayList<>();
        json.get("validators").forEach(entry ->
            validators.add(new Validator(entry.get("public_key").textValue(), entry.get("power").longValue())));
        return new SubChain(json.get("ac").textValue(), json.get("name").textValue(), json.get("industry").textValue(),
            json.get("chain_type").textValue(), json.get("chain_id").longValue(), json.get("genesis_hash").textValue(),
            validators, texts(json.get("gateways")), json.get("endpoint").textValue(),
            json.get("resolver_url").textValue(), json.get("applicant").textValue(),
            SubChainStatus.valueOf(json.get("status").textValue()), texts(json.get("approvers")),
            json.get("status_reason").textValue(), json.get("issued_at").longValue());
    }

    static ArrayNode validatorsJson(final List<Validator> validators) {
        final ArrayNode list = Json.array();
        validators.forEach(validator -> list.addObject().put("public_key", validator.publicKey())
            .put("power", validator.power()));
        return list;
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> texts = new ArrayList<>();
        array.forEach(entry -> texts.add(entry.textValue()));
        return texts;
    }
}
