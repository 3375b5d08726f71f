package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.protocol.consensus.Block;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.CommittedBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidatorSetTest {

    private final TestChain chain = new TestChain();
    private final PrivateKey alice = TestChain.key(1);
    private final PrivateKey bob = TestChain.key(2);

    @AfterEach
    void stateStaysConsistent() {
        StateInvariants.check(chain);
    }

    private TransactionEnvStore call(final PrivateKey caller, final long amount, final String input) {
        final ClosedLedger closed = chain.submit(chain.transaction(caller, tx -> tx.addOperations(Operation.newBuilder()
            .setType(Operation.Type.PAY_COIN)
            .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(ValidatorSetContract.ADDRESS)
                .setAmount(amount).setInput(input)))), caller);
        return closed.results().get(0);
    }

    private static String setValidators(final PrivateKey... keys) {
        final StringBuilder json = new StringBuilder("{\"method\":\"setValidators\",\"params\":{\"validators\":[");
        for (int index = 0; index < keys.length; index++) {
            json.append(index == 0 ? "" : ",").append("{\"public_key\":\"").append(keys[index].publicKey().encoded())
                .append("\",\"power\":").append(index + 1).append('}');
        }
        return json.append("]}}").toString();
    }

    @Test
    void governanceChangesTheSetTwoLedgersLater() {
        final List<Validator> genesisSet = chain.genesis.validators();
        final TransactionEnvStore result = call(chain.genesisKey, 0, setValidators(alice, bob));
        assertThat(result.getErrorCode()).isZero();
        final long committedAt = result.getLedgerSeq();
        final List<Validator> next = List.of(new Validator(alice.publicKey().encoded(), 1), new Validator(bob.publicKey().encoded(), 2));

        assertThat(chain.ledger.validators(committedAt)).isEqualTo(genesisSet);
        assertThat(chain.ledger.validators(committedAt + 1)).isEqualTo(genesisSet);
        assertThat(chain.ledger.validators(committedAt + 2)).as("known before it runs").isEqualTo(next);

        chain.close();
        assertThat(chain.ledger.lastHeader().getValidatorsHash().toByteArray()).isEqualTo(LedgerHashes.validatorsHash(genesisSet));
        chain.close();
        assertThat(chain.ledger.lastHeader().getSeq()).isEqualTo(committedAt + 2);
        assertThat(chain.ledger.lastHeader().getValidatorsHash().toByteArray()).isEqualTo(LedgerHashes.validatorsHash(next));

        final Ledger reopened = Ledger.open(chain.store, chain.genesis);
        assertThat(reopened.validators(committedAt + 2)).as("survives a restart").isEqualTo(next);
        assertThat(reopened.validators(1)).isEqualTo(genesisSet);
    }

    @Test
    void feesGoToTheValidatorsOfTheLedger() {
        call(chain.genesisKey, 0, setValidators(alice, bob));
        chain.close();
        chain.close();
        final ClosedLedger paid = chain.submit(chain.transaction(chain.genesisKey, tx -> tx
            .addOperations(TestChain.pay(TestChain.address(TestChain.key(3)), 1))));
        final long fee = paid.results().get(0).getActualFee();
        assertThat(chain.balanceOf(TestChain.address(alice)) + chain.balanceOf(TestChain.address(bob))).isEqualTo(fee);
    }

    @Test
    void onlyGovernanceMayCallAndBadCallsChangeNothing() {
        chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(TestChain.pay(TestChain.address(alice), 1_000_000_000))));
        assertThat(call(alice, 0, setValidators(alice)).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(call(chain.genesisKey, 5, setValidators(alice)).getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        for (final String bad : List.of("", "{}", "not json", "{\"method\":\"setValidators\",\"params\":{\"validators\":[]}}",
            "{\"method\":\"other\",\"params\":{\"validators\":[{\"public_key\":\"" + alice.publicKey().encoded() + "\",\"power\":1}]}}",
            "{\"method\":\"setValidators\",\"params\":{\"validators\":[{\"public_key\":\"b06566ff\",\"power\":1}]}}",
            "{\"method\":\"setValidators\",\"params\":{\"validators\":[{\"public_key\":\"" + alice.publicKey().encoded() + "\",\"power\":0}]}}",
            setValidators(alice, alice).replace("\"power\":2", "\"power\":1"))) {
            assertThat(call(chain.genesisKey, 0, bad).getErrorCode()).as(bad).isEqualTo(ERRORCODE.ERRCODE_INVALID_PARAMETER_VALUE);
        }
        final long last = chain.ledger.lastHeader().getSeq();
        assertThat(chain.ledger.validators(last + 2)).isEqualTo(chain.genesis.validators());
    }

    @Test
    void theDecidingBlockIsStoredWithItsLedger() {
        final CommittedBlock decision = CommittedBlock.newBuilder()
            .setBlock(Block.newBuilder().setHeight(2).setProposer(chain.genesisAddress()))
            .setCertificate(CommitCertificate.newBuilder().setHeight(2).setBlockId(ByteString.copyFromUtf8("id")))
            .build();
        chain.ledger.close(List.of(), chain.ledger.lastHeader().getCloseTime() + 1, Optional.of(decision));
        assertThat(chain.ledger.committedBlock(2)).contains(decision);
        assertThat(chain.ledger.committedBlock(1)).isEmpty();
    }
}
