package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import org.banyan.ledger.MetadataEntryProof;
import org.banyan.lightclient.AccountProof;
import org.banyan.lightclient.EntryProof;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupervisionTest {

    private final Group group = new Group();
    private TestChain sub;

    @BeforeEach
    void registerTheSubChain() {
        group.registerSubChain();
        sub = group.subChain();
    }

    /** Has a quorum issue an order; returns the main-chain ledger that recorded it. */
    private long issue(final String ac, final String kind, final String account, final String label) {
        return group.vote(3, "issueOrder", "{\"ac\":\"" + ac + "\",\"kind\":\"" + kind + "\",\"account\":\"" + account
            + "\",\"reason\":\"fraud inquiry\",\"proposal\":\"" + label + "\"}").seq();
    }

    /** The main-chain header of height seq + 1, which commits to ledger seq. */
    private CertifiedHeader headerAfter(final long seq) {
        group.main.close();
        return group.main.certified(seq + 1);
    }

    private static String proof(final MetadataEntryProof parts) {
        return new EntryProof(new AccountProof(ByteString.copyFrom(parts.accountBlob()),
            ByteString.copyFrom(parts.accountProof())), ByteString.copyFrom(parts.entry()),
            ByteString.copyFrom(parts.entryProof())).toBase64();
    }

    private String proofOf(final String ac, final long n, final long seq) {
        return proof(group.main.ledger.entryProof(ChainGroupContract.ADDRESS, ChainGroupKeys.order(ac, n), seq).value());
    }

    private TestChain.Sent applyOrder(final CertifiedHeader header, final String proof) {
        return sub.call(group.subGovernance, MainChainClientContract.ADDRESS, "applyOrder",
            "{\"certified_header\":\"" + TestChain.base64(header) + "\",\"proof\":\"" + proof + "\"}");
    }

    private TestChain.Sent subUserPays() {
        return sub.send(group.subUser, TestChain.pay(sub.address(group.subGovernance), 1));
    }

    @Test
    void anOrderProvenAgainstAVerifiedMainChainHeaderFreezesTheAccountOnTheSubChain() {
        final String account = sub.address(group.subUser);
        final long seq = issue(Group.AC, "freeze_account", account, "1");
        assertThat(group.query("order", "{\"ac\":\"lgst\",\"n\":1}")).contains("\"kind\":\"freeze_account\"")
            .contains(account);

        final TestChain.Sent applied = applyOrder(headerAfter(seq), proofOf(Group.AC, 1, seq));

        assertThat(applied.succeeded()).as(applied.message()).isTrue();
        final TestChain.Sent refused = subUserPays();
        assertThat(refused.included()).isFalse();
        assertThat(refused.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(refused.message()).isEqualTo("the account " + account
            + " is DISABLED on this sub-chain by supervision order 1 of the main chain");
        assertThat(sub.query(MainChainClientContract.ADDRESS, "frozenAccounts", "{}").value())
            .isEqualTo("[\"" + account + "\"]");
        assertThat(sub.query(MainChainClientContract.ADDRESS, "applied", "{\"n\":1}").value())
            .contains("\"applied_at\":" + applied.seq()).contains("\"main_chain_height\":" + (seq + 1));
        assertThat(sub.query(MainChainClientContract.ADDRESS, "client", "{}").value())
            .contains("\"latest_height\":" + (seq + 1));
    }

    @Test
    void anUnfreezeOrderLiftsTheFreeze() {
        final String account = sub.address(group.subUser);
        final long first = issue(Group.AC, "freeze_account", account, "1");
        assertThat(applyOrder(headerAfter(first), proofOf(Group.AC, 1, first)).succeeded()).isTrue();
        final long second = issue(Group.AC, "unfreeze_account", account, "2");

        assertThat(applyOrder(headerAfter(second), proofOf(Group.AC, 2, second)).succeeded()).isTrue();

        assertThat(subUserPays().succeeded()).isTrue();
        assertThat(sub.query(MainChainClientContract.ADDRESS, "frozenAccounts", "{}").value()).isEqualTo("[]");
    }

    @Test
    void aForgedProofIsRefused() {
        final long seq = issue(Group.AC, "freeze_account", sub.address(group.subUser), "1");
        final MetadataEntryProof parts = group.main.ledger.entryProof(ChainGroupContract.ADDRESS,
            ChainGroupKeys.order(Group.AC, 1), seq).value();
        final byte[] forgedEntry = KeyPair.newBuilder().setKey(ChainGroupKeys.order(Group.AC, 1))
            .setValue(new SupervisionOrder(Group.AC, 1, OrderKind.FREEZE_ACCOUNT, sub.address(group.subGovernance), "x",
                seq).toJson()).setVersion(1).build().toByteArray();
        final String forged = proof(new MetadataEntryProof(parts.header(), parts.accountBlob(), parts.accountProof(),
            forgedEntry, parts.entryProof()));

        final TestChain.Sent sent = applyOrder(headerAfter(seq), forged);

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        assertThat(sent.message()).contains("does not hold");
        assertThat(sub.query(MainChainClientContract.ADDRESS, "frozenAccounts", "{}").value()).isEqualTo("[]");
    }

    @Test
    void aProofAgainstAnUnverifiedHeaderIsRefused() {
        final long seq = issue(Group.AC, "freeze_account", sub.address(group.subUser), "1");
        final CertifiedHeader header = headerAfter(seq);
        final CertifiedHeader unsigned = header.toBuilder().setCertificate(TestChain.certificate(Group.MAIN_CHAIN_ID,
            header.getHeader(), group.superNodes.subList(0, 2))).build();

        final TestChain.Sent sent = applyOrder(unsigned, proofOf(Group.AC, 1, seq));

        assertThat(sent.message()).contains("the main-chain header is refused").contains("more than two thirds");
        assertThat(subUserPays().succeeded()).isTrue();
    }

    @Test
    void anOrderForAnotherSubChainIsRefused() {
        assertThat(group.call(group.node, "applySubChain", group.subChainParams("abcd")).succeeded()).isTrue();
        group.vote(3, "approveSubChain", "{\"ac\":\"abcd\"}");
        final String foreign = group.subUser.publicKey().address("abcd").toString();
        final long seq = issue("abcd", "freeze_account", foreign, "1");

        final TestChain.Sent sent = applyOrder(headerAfter(seq), proofOf("abcd", 1, seq));

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        assertThat(sent.message()).contains("the entry is \"order/abcd/1\", not \"order/lgst/1\"");
    }

    @Test
    void aReplayedOrderIsRefused() {
        final long seq = issue(Group.AC, "freeze_account", sub.address(group.subUser), "1");
        final CertifiedHeader header = headerAfter(seq);
        assertThat(applyOrder(header, proofOf(Group.AC, 1, seq)).succeeded()).isTrue();

        final TestChain.Sent replay = applyOrder(header, proofOf(Group.AC, 1, seq));

        assertThat(replay.code()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        assertThat(replay.message()).contains("not \"order/lgst/2\"").contains("applies order 2 next");
    }

    @Test
    void aProofOfAnotherEntryIsRefused() {
        final long seq = group.main.ledger.lastHeader().getSeq();
        final TestChain.Sent sent = applyOrder(headerAfter(seq), proof(group.main.ledger.entryProof(
            ChainGroupContract.ADDRESS, ChainGroupKeys.subChain(Group.AC), seq).value()));

        assertThat(sent.message()).contains("the entry is \"subchain/lgst\", not \"order/lgst/1\"");
    }

    @Test
    void onlyAQuorumIssuesOrdersAndOnlyForTheSubChainsOwnAccounts() {
        assertThat(group.call(group.superNodes.get(0), "issueOrder", "{\"ac\":\"lgst\",\"kind\":\"freeze_account\","
            + "\"account\":\"" + group.address(group.stranger) + "\",\"reason\":\"r\"}").message())
            .contains("is not an account of the sub-chain 'lgst'");
        group.vote(2, "issueOrder", "{\"ac\":\"lgst\",\"kind\":\"freeze_account\",\"account\":\""
            + sub.address(group.subUser) + "\",\"reason\":\"r\"}");
        assertThat(group.main.query(ChainGroupContract.ADDRESS, "order", "{\"ac\":\"lgst\",\"n\":1}").error().code())
            .isEqualTo(ERRORCODE.ERRCODE_NOT_EXIST);
    }
}
