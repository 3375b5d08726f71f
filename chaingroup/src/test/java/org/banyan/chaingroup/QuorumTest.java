package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Validator;
import org.banyan.protocol.ERRORCODE;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuorumTest {

    private final Group group = new Group();
    private String nodeBid;

    @BeforeEach
    void applyAsBackbone() {
        group.certify(group.node);
        group.certify(group.enterprise);
        assertThat(group.call(group.node, "applyBackbone", group.backboneParams()).succeeded()).isTrue();
        nodeBid = "{\"node_bid\":\"" + group.address(group.node) + "\"}";
    }

    private String status() {
        return group.query("backbone", nodeBid).replaceAll(".*\"status\":\"(\\w+)\".*", "$1");
    }

    @Test
    void anActionNeedsMoreThanTwoThirdsOfThePower() {
        group.vote(2, "approveBackbone", nodeBid);
        assertThat(status()).isEqualTo("PENDING");

        group.call(group.superNodes.get(3), "approveBackbone", nodeBid);

        assertThat(status()).isEqualTo("APPROVED");
    }

    @Test
    void aSecondVoteBySameNodeIsRefused() {
        group.vote(1, "approveBackbone", nodeBid);

        final TestChain.Sent again = group.call(group.superNodes.get(0), "approveBackbone", nodeBid);

        assertThat(again.code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(again.message()).contains("has already voted for approveBackbone");
    }

    @Test
    void aVoteOnADecidedActionIsRefused() {
        group.vote(3, "approveBackbone", nodeBid);

        final TestChain.Sent late = group.call(group.superNodes.get(3), "approveBackbone", nodeBid);

        assertThat(late.code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(late.message()).contains("is APPROVED, not PENDING");
    }

    @Test
    void aDecidedActionCannotCollectMoreVotesButANewProposalLabelRepeatsIt() {
        group.registerSubChainAfterBackbone();
        group.vote(3, "suspendSubChain", "{\"ac\":\"lgst\",\"reason\":\"audit\"}");
        group.vote(3, "resumeSubChain", "{\"ac\":\"lgst\"}");

        final TestChain.Sent repeated = group.call(group.superNodes.get(3), "suspendSubChain",
            "{\"ac\":\"lgst\",\"reason\":\"audit\"}");
        assertThat(repeated.code()).isEqualTo(ERRORCODE.ERRCODE_CONTRACT_EXECUTE_FAIL_VALUE);
        assertThat(repeated.message()).contains("was already decided in ledger").contains("new 'proposal' label");

        group.vote(3, "suspendSubChain", "{\"ac\":\"lgst\",\"reason\":\"audit\",\"proposal\":\"second\"}");
        assertThat(group.query("subChain", "{\"ac\":\"lgst\"}")).contains("\"status\":\"SUSPENDED\"");
    }

    @Test
    void equalParamsInAnotherKeyOrderAreTheSameAction() {
        group.registerSubChainAfterBackbone();
        group.vote(2, "suspendSubChain", "{\"ac\":\"lgst\",\"reason\":\"audit\"}");

        assertThat(group.call(group.superNodes.get(2), "suspendSubChain", "{\"reason\":\"audit\",\"ac\":\"lgst\"}")
            .succeeded()).isTrue();

        assertThat(group.query("subChain", "{\"ac\":\"lgst\"}")).contains("\"status\":\"SUSPENDED\"");
    }

    @Test
    void onlySuperNodesVote() {
        final TestChain.Sent sent = group.call(group.node, "approveBackbone", nodeBid);

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(sent.message()).contains("only super nodes (the current validators) vote");
    }

    @Test
    void anInvalidProposalIsRefusedBeforeItCollectsVotes() {
        final TestChain.Sent sent = group.call(group.superNodes.get(0), "approveBackbone",
            "{\"node_bid\":\"" + group.address(group.stranger) + "\"}");

        assertThat(sent.code()).isEqualTo(ERRORCODE.ERRCODE_NOT_EXIST_VALUE);
        assertThat(group.call(group.superNodes.get(0), "approveBackbone", "{\"node_bid\":\"x\",\"extra\":1}").message())
            .contains("takes no parameter 'extra'");
    }

    @Test
    void powerNotHeadCountDecides() {
        final List<String> voters = List.of(group.address(group.superNodes.get(0)));
        final List<Validator> set = List.of(
            new Validator(group.superNodes.get(0).publicKey().encoded(), 7),
            new Validator(group.superNodes.get(1).publicKey().encoded(), 1),
            new Validator(group.superNodes.get(2).publicKey().encoded(), 1),
            new Validator(group.superNodes.get(3).publicKey().encoded(), 1));

        assertThat(Quorum.decides(set, voters)).as("7 of 10").isTrue();
        assertThat(Quorum.decides(set, List.of(group.address(group.superNodes.get(1)),
            group.address(group.superNodes.get(2)), group.address(group.superNodes.get(3))))).as("3 of 10").isFalse();
        assertThat(Quorum.decides(set.subList(1, 4), List.of(group.address(group.superNodes.get(0)))))
            .as("a voter outside the current set counts nothing").isFalse();
    }

    @Test
    void admittedSuperNodeJoinsTheSetTwoLedgersLaterAndThenVotes() {
        final PrivateKey newcomer = TestChain.key("super-4");
        final TestChain.Sent decided = group.vote(3, "admitSuperNode",
            "{\"public_key\":\"" + newcomer.publicKey().encoded() + "\",\"power\":1}");

        assertThat(group.main.ledger.validators(decided.seq() + 1)).hasSize(4);
        assertThat(group.main.ledger.validators(decided.seq() + 2)).hasSize(5)
            .contains(new Validator(newcomer.publicKey().encoded(), 1));

        final String removeLast = "{\"public_key\":\"" + group.superNodes.get(3).publicKey().encoded() + "\"}";
        final TestChain.Sent third = group.vote(3, "removeSuperNode", removeLast);
        assertThat(group.main.ledger.validators(third.seq() + 2)).as("3 of 5 is not > 2/3").hasSize(5);
        final TestChain.Sent removal = group.call(group.superNodes.get(3), "removeSuperNode", removeLast);
        assertThat(group.main.ledger.validators(removal.seq() + 2)).hasSize(4)
            .doesNotContain(new Validator(group.superNodes.get(3).publicKey().encoded(), 1));
        assertThat(group.call(group.superNodes.get(0), "admitSuperNode", "{\"public_key\":\""
            + group.superNodes.get(1).publicKey().encoded() + "\",\"power\":1}").message()).contains("is already a validator");
    }
}
