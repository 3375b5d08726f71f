package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Validator;
import org.banyan.protocol.chaingroup.CertifiedHeader;

/** A chain group for tests: a gated main chain of 4 super nodes and, on demand, a registered sub-chain. */
final class Group {

    static final long MAIN_CHAIN_ID = 1;
    static final long SUB_CHAIN_ID = 77;
    static final String AC = "lgst";
    static final String DOCUMENTS = "ab".repeat(32);

    final List<PrivateKey> superNodes = IntStream.range(0, 4).mapToObj(index -> TestChain.key("super-" + index)).toList();
    final PrivateKey governance = TestChain.key("governance");
    final PrivateKey node = TestChain.key("backbone-node");
    final PrivateKey enterprise = TestChain.key("enterprise");
    final PrivateKey gateway = TestChain.key("gateway");
    final PrivateKey stranger = TestChain.key("stranger");
    final List<PrivateKey> subValidators = IntStream.range(0, 4).mapToObj(index -> TestChain.key("sub-" + index)).toList();
    final PrivateKey subGovernance = TestChain.key("sub-governance");
    final PrivateKey subUser = TestChain.key("sub-user");
    final TestChain main;

    Group() {
        this(Map.of());
    }

    Group(final Map<String, String> mainRules) {
        main = new TestChain(MAIN_CHAIN_ID, superNodes, governance,
            concat(superNodes, List.of(node, enterprise, gateway, stranger)), Optional.empty(), mainRules);
    }

    String address(final PrivateKey key) {
        return main.address(key);
    }

    TestChain.Sent call(final PrivateKey key, final String method, final String params) {
        return main.call(key, ChainGroupContract.ADDRESS, method, params);
    }

    /** Every super node in turn until {@code count} have voted; the last result. */
    TestChain.Sent vote(final int count, final String method, final String params) {
        TestChain.Sent last = null;
        for (int index = 0; index < count; index++) {
            last = call(superNodes.get(index), method, params);
            assertThat(last.succeeded()).as("vote %d for %s: %s", index, method, last.message()).isTrue();
        }
        return last;
    }

    String query(final String method, final String params) {
        return main.query(ChainGroupContract.ADDRESS, method, params).value();
    }

    void certify(final PrivateKey key) {
        assertThat(call(superNodes.get(0), "certify", "{\"account\":\"" + address(key)
            + "\",\"trusted\":\"TRUSTED\",\"enabled\":true}").succeeded()).isTrue();
    }

    /** Certifies the backbone accounts and has 3 of 4 super nodes approve the backbone node. */
    void approveBackbone() {
        certify(node);
        certify(enterprise);
        certify(gateway);
        assertThat(call(node, "applyBackbone", backboneParams()).succeeded()).isTrue();
        vote(3, "approveBackbone", "{\"node_bid\":\"" + address(node) + "\"}");
    }

    String backboneParams() {
        return "{\"node_bid\":\"" + address(node) + "\",\"enterprise_bid\":\"" + address(enterprise)
            + "\",\"documents_hash\":\"" + DOCUMENTS + "\"}";
    }

    String subChainParams(final String ac) {
        return "{\"ac\":\"" + ac + "\",\"name\":\"Logistics\",\"industry\":\"logistics\",\"chain_type\":\"banyan-bft\","
            + "\"chain_id\":" + SUB_CHAIN_ID + ",\"genesis_hash\":\"" + "cd".repeat(32) + "\",\"validators\":"
            + validatorsJson(subValidators) + ",\"gateways\":[\"" + address(gateway) + "\"],"
            + "\"endpoint\":\"http://127.0.0.1:19000\",\"resolver_url\":\"http://127.0.0.1:19000/resolve\"}";
    }

    static String validatorsJson(final List<PrivateKey> keys) {
        return keys.stream().map(key -> "{\"public_key\":\"" + key.publicKey().encoded() + "\",\"power\":1}")
            .collect(Collectors.joining(",", "[", "]"));
    }

    /** Backbone approved, sub-chain {@link #AC} applied for and approved by 3 of 4: ACTIVE, client initialised. */
    void registerSubChain() {
        approveBackbone();
        assertThat(call(node, "applySubChain", subChainParams(AC)).succeeded()).isTrue();
        vote(3, "approveSubChain", "{\"ac\":\"" + AC + "\"}");
    }

    /** With the backbone node's application already sent: certify the gateway, approve, register {@link #AC}. */
    void registerSubChainAfterBackbone() {
        certify(gateway);
        vote(3, "approveBackbone", "{\"node_bid\":\"" + address(node) + "\"}");
        assertThat(call(node, "applySubChain", subChainParams(AC)).succeeded()).isTrue();
        vote(3, "approveSubChain", "{\"ac\":\"" + AC + "\"}");
    }

    /** The sub-chain itself: a real ledger whose genesis names {@link #AC} and trusts the main chain's genesis set. */
    TestChain subChain() {
        final ChainRole.Sub role = new ChainRole.Sub(AC, MAIN_CHAIN_ID,
            superNodes.stream().map(key -> new Validator(key.publicKey().encoded(), 1)).toList());
        return new TestChain(SUB_CHAIN_ID, subValidators, subGovernance, List.of(subUser), Optional.of(AC), role.rules());
    }

    TestChain.Sent anchor(final PrivateKey sender, final CertifiedHeader certified) {
        return call(sender, "anchor", "{\"ac\":\"" + AC + "\",\"certified_header\":\"" + TestChain.base64(certified)
            + "\",\"status\":{\"height\":" + certified.getHeader().getHeight() + ",\"tx_count\":"
            + certified.getPreviousLedger().getTxCount() + ",\"nodes\":4}}");
    }

    private static List<PrivateKey> concat(final List<PrivateKey> first, final List<PrivateKey> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
