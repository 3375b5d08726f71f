package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.banyan.protocol.Transaction;
import org.banyan.sdk.KeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev chain: created on first start with a funded key on disk, resumed from RocksDB on the next. */
class DevNodeTest {

    private static final LedgerTiming FAST = new LedgerTiming(50, 600_000);

    @TempDir
    Path directory;

    @Test
    void firstStartCreatesAFundedGenesisKeyAndLaterStartsResume() throws Exception {
        final String genesisAccount;
        final long heightAfterPayment;
        final String recipient = TestTransactions.address(TestTransactions.key(5));
        try (DevNode dev = DevNode.start(directory, 0, Clock.systemUTC(), FAST, Optional.empty())) {
            final DevNode.Info info = dev.info();
            assertThat(info.created()).isTrue();
            assertThat(info.genesisFile()).isEqualTo(directory.resolve("genesis.json")).exists();
            assertThat(info.keyFile()).isEqualTo(directory.resolve("keys/genesis-account.json")).exists();
            assertThat(info.httpUrl()).isEqualTo("http://127.0.0.1:" + dev.node().httpPort());
            assertThat(Files.getPosixFilePermissions(info.keyFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            final JsonNode key = new ObjectMapper().readTree(info.keyFile().toFile());
            assertThat(key.fieldNames()).toIterable().containsExactlyInAnyOrder("address", "public_key", "private_key");
            final KeyFile sdkView = KeyFile.load(info.keyFile());
            assertThat(sdkView.address()).isEqualTo(info.genesisAccount()).isEqualTo(key.get("address").asText());

            final Genesis genesis = GenesisConfig.load(info.genesisFile()).genesis();
            assertThat(genesis.accounts()).containsExactly(new GenesisAccount(info.genesisAccount(), DevNode.GENESIS_BALANCE));
            assertThat(genesis.validators()).extracting(Validator::address).containsExactly(info.genesisAccount());
            assertThat(genesis.governanceAccount()).isEqualTo(info.genesisAccount());
            assertThat(dev.node().ledger().account(info.genesisAccount()).orElseThrow().getBalance())
                .isEqualTo(DevNode.GENESIS_BALANCE);

            final PrivateKey owner = PrivateKey.parse(key.get("private_key").asText());
            final Transaction payment = TestTransactions.createAccount(owner, 1, recipient, 123_456_789).build();
            dev.node().mempool().add(TestTransactions.verified(owner, payment), Clock.systemUTC().millis());
            dev.node().closer().orElseThrow().transactionsArrived();
            assertThat(dev.node().closer().orElseThrow().awaitLedger(2, Duration.ofSeconds(10))).isTrue();
            genesisAccount = info.genesisAccount();
            heightAfterPayment = dev.node().ledger().lastHeader().getSeq();
        }

        try (DevNode again = DevNode.start(directory, 0, Clock.systemUTC(), FAST, Optional.empty())) {
            assertThat(again.info().created()).isFalse();
            assertThat(again.info().genesisAccount()).isEqualTo(genesisAccount);
            assertThat(again.node().ledger().lastHeader().getSeq()).isEqualTo(heightAfterPayment);
            assertThat(again.node().ledger().account(recipient).orElseThrow().getBalance()).isEqualTo(123_456_789);
            assertThat(again.node().ledger().account(genesisAccount).orElseThrow().getNonce()).isEqualTo(1);
        }
    }

    @Test
    void aKeyLeftByAnInterruptedFirstStartIsKept() throws Exception {
        final PrivateKey leftOver = TestTransactions.key(42);
        Files.createDirectories(directory.resolve("keys"));
        Files.writeString(directory.resolve(DevNode.KEY_FILE), "{\"address\":\"" + TestTransactions.address(leftOver)
            + "\",\"public_key\":\"" + leftOver.publicKey().encoded() + "\",\"private_key\":\"" + leftOver.encoded() + "\"}");

        try (DevNode dev = DevNode.start(directory, 0, Clock.systemUTC(), FAST, Optional.empty())) {
            assertThat(dev.info().created()).isTrue();
            assertThat(dev.info().genesisAccount()).isEqualTo(TestTransactions.address(leftOver));
        }
    }
}
