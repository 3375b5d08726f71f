package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.banyan.crypto.Hex;
import org.banyan.protocol.ERRORCODE;
import org.junit.jupiter.api.Test;

class ChainGroupFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Group group = new Group();

    private JsonNode query(final String method, final String params) throws Exception {
        return JSON.readTree(group.query(method, params));
    }

    @Test
    void certificationBackboneSubChainAndAnchorsFlowEndToEnd() throws Exception {
        assertThat(group.call(group.node, "applyBackbone", group.backboneParams()).code())
            .as("an uncertified account is kept out").isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        group.certify(group.node);
        group.certify(group.enterprise);
        group.certify(group.gateway);
        assertThat(query("certification", "{\"account\":\"" + group.address(group.node) + "\"}").get("trusted").asText())
            .isEqualTo("TRUSTED");

        assertThat(group.call(group.node, "applyBackbone", group.backboneParams()).succeeded()).isTrue();
        final String nodeBid = "{\"node_bid\":\"" + group.address(group.node) + "\"}";
        group.vote(2, "approveBackbone", nodeBid);
        assertThat(query("backbone", nodeBid).get("status").asText()).as("2 of 4 is not > 2/3").isEqualTo("PENDING");
        group.call(group.superNodes.get(2), "approveBackbone", nodeBid);
        assertThat(query("backbone", nodeBid).get("status").asText()).isEqualTo("APPROVED");

        assertThat(group.call(group.enterprise, "applySubChain", group.subChainParams(Group.AC)).succeeded())
            .as("the enterprise BID may apply for its backbone node").isTrue();
        assertThat(query("subChain", "{\"ac\":\"lgst\"}").get("status").asText()).isEqualTo("PENDING");
        group.vote(3, "approveSubChain", "{\"ac\":\"lgst\"}");
        final JsonNode issued = query("subChain", "{\"ac\":\"lgst\"}");
        assertThat(issued.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(issued.get("approvers")).hasSize(3);
        assertThat(issued.get("approvers").get(0).asText()).isEqualTo(group.address(group.superNodes.get(0)));
        assertThat(issued.get("issued_at").asLong()).isEqualTo(group.main.ledger.lastHeader().getSeq());
        assertThat(issued.get("anchored_height").asLong()).isZero();

        final TestChain sub = group.subChain();
        sub.send(group.subUser, TestChain.pay(sub.address(group.subGovernance), 5));
        sub.send(group.subUser, TestChain.pay(sub.address(group.subGovernance), 5));
        sub.close();
        assertThat(group.anchor(group.gateway, sub.certified(2)).succeeded()).isTrue();
        final TestChain.Sent third = group.anchor(group.gateway, sub.certified(4));
        assertThat(third.succeeded()).as(third.message()).isTrue();

        final JsonNode latest = query("anchor", "{\"ac\":\"lgst\"}");
        assertThat(latest.toString()).contains(Hex.encode(sub.ledger.header(3).orElseThrow().getAccountTreeHash()
            .toByteArray()));
        assertThat(query("anchor", "{\"ac\":\"lgst\",\"height\":2}").toString())
            .contains(Hex.encode(sub.ledger.header(1).orElseThrow().getHash().toByteArray()));
        final JsonNode listed = query("subChains", "{}");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("ac").asText()).isEqualTo("lgst");
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Logistics");
        assertThat(listed.get(0).get("validators")).hasSize(4);
        assertThat(listed.get(0).get("anchored_height").asLong()).isEqualTo(4);
        assertThat(listed.get(0).get("reported_status").get("tx_count").asLong()).isEqualTo(2);
        assertThat(listed.get(0).get("reported_status").get("nodes").asLong()).isEqualTo(4);
    }

    @Test
    void queriesNameWhatIsMissing() {
        assertThat(group.main.query(ChainGroupContract.ADDRESS, "subChain", "{\"ac\":\"none\"}").error().message())
            .isEqualTo("no sub-chain has the AC code 'none'");
        assertThat(group.main.query(ChainGroupContract.ADDRESS, "subChain", "{\"ac\":\"NONE\"}").error().code())
            .isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER);
        assertThat(group.main.query(ChainGroupContract.ADDRESS, "order", "{\"ac\":\"none\",\"n\":1}").error().message())
            .contains("has no order 1");
        assertThat(group.main.query(ChainGroupContract.ADDRESS, "nothing", "{}").error().message())
            .contains("no query 'nothing'");
        assertThat(group.query("subChains", "{}")).isEqualTo("[]");
    }
}
