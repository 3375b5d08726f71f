package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.ERRORCODE;
import org.junit.jupiter.api.Test;

class MainChainGateTest {

    private final Group group = new Group();

    private TestChain.Sent payFrom(final Group on, final org.banyan.crypto.PrivateKey key) {
        return on.main.send(key, TestChain.pay(on.address(on.governance), 1));
    }

    @Test
    void anUncertifiedAccountCannotTransactAndIsToldWhy() {
        final TestChain.Sent sent = payFrom(group, group.stranger);

        assertThat(sent.included()).as("left out of the ledger, unpaid").isFalse();
        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(sent.message()).isEqualTo("the account " + group.address(group.stranger) + " may not transact on this"
            + " main chain: it is not certified (UNCERT); only TRUSTED and ENABLED accounts may, and any account may"
            + " send a transaction of requestCertification calls");
    }

    @Test
    void anyAccountMayRequestCertificationThenTransactOnceTrusted() {
        final TestChain.Sent requested = group.call(group.stranger, "requestCertification",
            "{\"kind\":\"company\",\"name\":\"Acme\",\"documents_hash\":\"" + Group.DOCUMENTS + "\"}");
        assertThat(requested.succeeded()).as(requested.message()).isTrue();
        assertThat(group.query("certification", "{\"account\":\"" + group.address(group.stranger) + "\"}"))
            .contains("\"trusted\":\"UNCERT\"").contains("\"name\":\"Acme\"");
        assertThat(payFrom(group, group.stranger).message()).contains("it is UNCERT and ENABLED");

        group.certify(group.stranger);

        assertThat(payFrom(group, group.stranger).succeeded()).isTrue();
    }

    @Test
    void untrustedAndDisabledAccountsAreRefused() {
        final String account = group.address(group.stranger);
        assertThat(group.main.call(group.governance, ChainGroupContract.ADDRESS, "certify", "{\"account\":\"" + account
            + "\",\"trusted\":\"UNTRUSTED\",\"enabled\":true}").succeeded()).as("the governance account certifies").isTrue();
        assertThat(payFrom(group, group.stranger).message()).contains("it is UNTRUSTED and ENABLED");

        group.call(group.superNodes.get(1), "certify", "{\"account\":\"" + account
            + "\",\"trusted\":\"TRUSTED\",\"enabled\":false}");
        assertThat(payFrom(group, group.stranger).message()).contains("it is TRUSTED and DISABLED");
    }

    @Test
    void aRequestMixedWithOtherOperationsIsRefused() {
        final TestChain.Sent sent = group.main.send(group.stranger,
            TestChain.call(ChainGroupContract.ADDRESS, "requestCertification",
                "{\"kind\":\"person\",\"name\":\"Eve\",\"documents_hash\":\"" + Group.DOCUMENTS + "\"}"),
            TestChain.pay(group.address(group.governance), 1));

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
    }

    @Test
    void onlySuperNodesAndTheGovernanceAccountCertify() {
        group.certify(group.node);
        final TestChain.Sent sent = group.call(group.node, "certify", "{\"account\":\"" + group.address(group.node)
            + "\",\"trusted\":\"TRUSTED\",\"enabled\":true}");

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(sent.message()).contains("only a super node or the governance account may certify");
    }

    @Test
    void superNodesAndTheGovernanceAccountPassTheGateUncertified() {
        assertThat(payFrom(group, group.superNodes.get(3)).succeeded()).isTrue();
        assertThat(group.main.send(group.governance, TestChain.pay(group.address(group.node), 1)).succeeded()).isTrue();
    }

    @Test
    void admissionRefusesUncertifiedAccountsBeforeTheMempool() {
        final org.banyan.protocol.Transaction transaction = org.banyan.protocol.Transaction.newBuilder()
            .setSourceAddress(group.address(group.stranger)).setNonce(1).setFeeLimit(1_000_000).setGasPrice(10)
            .setChainId(Group.MAIN_CHAIN_ID).addOperations(TestChain.pay(group.address(group.governance), 1)).build();
        final byte[] blob = transaction.toByteArray();
        final VerifiedTransaction verified = org.banyan.ledger.TransactionDecoder.decode(blob, java.util.List.of(
            org.banyan.protocol.Signature.newBuilder().setPublicKey(group.stranger.publicKey().encoded())
                .setSignData(com.google.protobuf.ByteString.copyFrom(group.stranger.sign(blob))).build())).value();

        assertThat(group.main.ledger.admissionCheck(verified).error().code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED);
    }

    @Test
    void anOpenMainChainLetsEveryAccountTransact() {
        final Group open = new Group(Map.of(ChainRole.OPEN, "true"));

        assertThat(payFrom(open, open.stranger).succeeded()).isTrue();
        assertThat(open.main.ledger.systemContracts().find(ChainGroupContract.ADDRESS)).isPresent();
        assertThat(open.main.ledger.systemContracts().policies()).isEmpty();
    }
}
