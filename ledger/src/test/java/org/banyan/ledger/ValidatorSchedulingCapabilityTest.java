package org.banyan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.TransactionEnvStore;
import org.junit.jupiter.api.Test;

class ValidatorSchedulingCapabilityTest {

    private static final PrivateKey ALICE = TestChain.key(1);

    /** "schedule" schedules alice alone; "record" stores the key of the first current and latest validators. */
    private static final class Scheduler implements SystemContract {

        static final String ADDRESS = Address.of(KeyType.ED25519,
            Arrays.copyOfRange(Hashes.sha256("test/scheduler".getBytes(StandardCharsets.UTF_8)), 10, 32),
            Optional.empty()).toString();

        @Override
        public String address() {
            return ADDRESS;
        }

        @Override
        public CallResult call(final CallContext context) {
            if (context.input().equals("schedule")) {
                context.scheduleValidators(List.of(new Validator(ALICE.publicKey().encoded(), 5)));
            } else {
                context.putMetadata("current", context.validators().get(0).publicKey());
                context.putMetadata("latest", context.latestValidators().get(0).publicKey());
            }
            return CallResult.success();
        }

        @Override
        public Outcome<String> query(final QueryContext context) {
            return Outcome.ok(context.validators().get(0).publicKey() + "/" + context.latestValidators().get(0).publicKey());
        }
    }

    private static TransactionEnvStore call(final TestChain chain, final String... inputs) {
        return chain.submit(chain.transaction(chain.genesisKey, tx -> Arrays.stream(inputs)
            .forEach(input -> tx.addOperations(TestChain.call(Scheduler.ADDRESS, 0, input))))).results().get(0);
    }

    @Test
    void aContractGrantedTheCapabilitySchedulesASetTwoLedgersLater() {
        final TestChain chain = new TestChain(SystemContracts.builtIn()
            .with(new Scheduler(), java.util.Set.of(SystemContractCapability.SCHEDULE_VALIDATORS)));
        final String genesisKey = chain.genesisKey.publicKey().encoded();

        final TransactionEnvStore result = call(chain, "schedule", "record");

        assertThat(result.getErrorCode()).isZero();
        assertThat(chain.ledger.validators(result.getLedgerSeq() + 2))
            .containsExactly(new Validator(ALICE.publicKey().encoded(), 5));
        assertThat(chain.ledger.validators(result.getLedgerSeq() + 1).get(0).publicKey()).isEqualTo(genesisKey);
        assertThat(chain.ledger.metadata(Scheduler.ADDRESS, "current").orElseThrow().getValue()).isEqualTo(genesisKey);
        assertThat(chain.ledger.metadata(Scheduler.ADDRESS, "latest").orElseThrow().getValue())
            .as("a later call sees the set scheduled before it").isEqualTo(ALICE.publicKey().encoded());
        assertThat(chain.ledger.query(Scheduler.ADDRESS, "").value())
            .isEqualTo(genesisKey + "/" + ALICE.publicKey().encoded());
        assertThat(chain.ledger.systemContracts().grants(Scheduler.ADDRESS, SystemContractCapability.SCHEDULE_VALIDATORS))
            .isTrue();
    }

    @Test
    void aContractWithoutTheCapabilityCannotScheduleASet() {
        final TestChain chain = new TestChain(SystemContracts.builtIn().with(new Scheduler()));

        assertThatThrownBy(() -> call(chain, "schedule"))
            .isInstanceOf(AssertionError.class).hasMessageContaining("not granted");
        assertThat(chain.ledger.systemContracts().grants(Scheduler.ADDRESS, SystemContractCapability.SCHEDULE_VALIDATORS))
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
