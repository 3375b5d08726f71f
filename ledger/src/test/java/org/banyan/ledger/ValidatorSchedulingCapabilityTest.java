package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.TransactionEnvStore;
import org.junit.jupiter.api.Test;

class ValidatorSchedulingCapabilityTest {

    private static final PrivateKey ALICE = TestChain.key(1);

    /** "schedule" schedules alice alone; "record" stores the key of the first current and latest validators. */
    private static final TestContract SCHEDULER = TestContract.of("test/scheduler", context -> {
        if (context.input().equals("schedule")) {
            context.scheduleValidators(List.of(new Validator(ALICE.publicKey().encoded(), 5)));
        } else {
            context.putMetadata("current", context.validators().get(0).publicKey());
            context.putMetadata("latest", context.latestValidators().get(0).publicKey());
        }
        return CallResult.success();
    }, context -> Outcome.ok(context.validators().get(0).publicKey() + "/"
        + context.latestValidators().get(0).publicKey()));

    private static TransactionEnvStore call(final TestChain chain, final String... inputs) {
        return chain.submit(chain.transaction(chain.genesisKey, tx -> Arrays.stream(inputs)
            .forEach(input -> tx.addOperations(TestChain.call(SCHEDULER.address(), 0, input))))).results().get(0);
    }

    @Test
    void aContractGrantedTheCapabilitySchedulesASetTwoLedgersLater() {
        final TestChain chain = new TestChain(SystemContracts.builtIn()
            .with(SCHEDULER, java.util.Set.of(SystemContractCapability.SCHEDULE_VALIDATORS)));
        final String genesisKey = chain.genesisKey.publicKey().encoded();

        final TransactionEnvStore result = call(chain, "schedule", "record");

        assertThat(result.getErrorCode()).isZero();
        assertThat(chain.ledger.validators(result.getLedgerSeq() + 2))
            .containsExactly(new Validator(ALICE.publicKey().encoded(), 5));
        assertThat(chain.ledger.validators(result.getLedgerSeq() + 1).get(0).publicKey()).isEqualTo(genesisKey);
        assertThat(chain.ledger.metadata(SCHEDULER.address(), "current").orElseThrow().getValue()).isEqualTo(genesisKey);
        assertThat(chain.ledger.metadata(SCHEDULER.address(), "latest").orElseThrow().getValue())
            .as("a later call sees the set scheduled before it").isEqualTo(ALICE.publicKey().encoded());
        assertThat(chain.ledger.query(SCHEDULER.address(), "").value())
            .isEqualTo(genesisKey + "/" + ALICE.publicKey().encoded());
        assertThat(chain.ledger.systemContracts().grants(SCHEDULER.address(), SystemContractCapability.SCHEDULE_VALIDATORS))
            .isTrue();
    }

    @Test
    void aContractWithoutTheCapabilityCannotScheduleASet() {
        final TestChain chain = new TestChain(SystemContracts.builtIn().with(SCHEDULER));

        assertThatThrownBy(() -> call(chain, "schedule"))
            .isInstanceOf(AssertionError.class).hasMessageContaining("not granted");
        assertThat(chain.ledger.systemContracts().grants(SCHEDULER.address(), SystemContractCapability.SCHEDULE_VALIDATORS))
            .isFalse();
    }

    @Test
    void theBuiltInValidatorSetContractHoldsTheCapability() {
        assertThat(SystemContracts.builtIn().grants(ValidatorSetContract.ADDRESS, SystemContractCapability.SCHEDULE_VALIDATORS))
            .isTrue();
        final TestChain chain = new TestChain();
        final TransactionEnvStore result = chain.submit(chain.transaction(chain.genesisKey, tx -> tx.addOperations(
            TestChain.call(ValidatorSetContract.ADDRESS, 0, "{\"method\":\"setValidators\",\"params\":{\"validators\":"
                + "[{\"public_key\":\"" + ALICE.publicKey().encoded() + "\",\"power\":3}]}}")))).results().get(0);
        assertThat(result.getErrorCode()).isEqualTo(ERRORCODE.ERRCODE_SUCCESS_VALUE);
        assertThat(chain.ledger.validators(result.getLedgerSeq() + 2))
            .containsExactly(new Validator(ALICE.publicKey().encoded(), 3));
    }
}
