package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.banyan.crypto.KeyType;
import org.banyan.protocol.LedgerHeader;
import org.banyan.sdk.AccountInfo;
import org.banyan.sdk.AccountProofVerifier;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.FeeEvaluation;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.ProofVerification;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SignerWeight;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as an operator runs it: {@code banyan dev} as a real child JVM, driven over HTTP by the SDK and by
 * the CLI, killed with SIGKILL and restarted on the same data directory.
 */
class DevNodeEndToEndTest {

    /** Bound on every wait for the node: start-up, a commit, a shutdown. Ledgers close about every second. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killEveryChild() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void devChainServesSdkAndCliTransactionsAndSurvivesKillMinusNine() throws Exception {
        Path data = directory.resolve("chain");
        String url = startDevNode(data, "first");
        BanyanClient client = BanyanClient.connect(url);
        KeyFile genesis = KeyFile.load(data.resolve("keys/genesis-account.json"));
        KeyFile alice = KeyFile.generate(KeyType.ED25519, Optional.empty(), TestRandom.seeded(1));
        KeyFile carol = KeyFile.generate(KeyType.SM2, Optional.empty(), TestRandom.seeded(2));
        KeyFile dave = KeyFile.generate(KeyType.ED25519, Optional.empty(), TestRandom.seeded(3));
        String absent = KeyFile.generate(KeyType.ED25519, Optional.empty(), TestRandom.seeded(4)).address();

        // SDK: create an account, pay it, and let it write metadata.
        TransactionRecord created = commit(client, genesis, builder -> builder.createAccount(alice.address(), 50_000_000));
        TransactionRecord paid = commit(client, genesis, builder -> builder.payCoin(alice.address(), 12_345));
        TransactionRecord metadata = commit(client, alice, builder -> builder.setMetadata("color", "green"));
        assertThat(List.of(created, paid, metadata)).allMatch(TransactionRecord::isSuccess);
        // Alice is not the validator (the genesis account is, and collects fees), so her balance adds up exactly.
        assertThat(client.getBalance(alice.address())).isEqualTo(50_000_000 + 12_345 - metadata.actualFee());
        assertThat(created.actualFee()).isPositive();

        // SDK multi-signature: alice needs her key and carol's from now on.
        TransactionRecord multiSig = commit(client, alice, builder -> builder
                .setSignerWeight(1, List.of(new SignerWeight(carol.address(), 1)))
                .setThreshold(2, Map.of()));
        assertThat(multiSig.isSuccess()).isTrue();
        long aliceBeforeCoSigned = client.getBalance(alice.address());
        TransactionRecord coSigned = commit(client, alice, builder -> builder.payCoin(genesis.address(), 100), carol);
        assertThat(coSigned.isSuccess()).isTrue();
        assertThat(coSigned.signatures()).hasSize(2);
        assertThat(client.getBalance(alice.address())).isEqualTo(aliceBeforeCoSigned - 100 - coSigned.actualFee());
        assertLoneSignatureIsRefused(client, alice, genesis.address());

        // CLI: the same kinds of transactions through `banyan tx …`.
        Path genesisKey = data.resolve("keys/genesis-account.json");
        Path daveKey = directory.resolve("dave.json");
        dave.save(daveKey);
        JsonNode createdByCli = cliJson("tx", "create-account", "--node", url, "--key", genesisKey.toString(),
                "--dest", dave.address(), "--balance", "40000000", "--wait");
        JsonNode paidByCli = cliJson("tx", "pay", "--node", url, "--key", genesisKey.toString(),
                "--to", dave.address(), "--amount", "7", "--wait");
        JsonNode metadataByCli = cliJson("tx", "set-metadata", "--node", url, "--key", daveKey.toString(),
                "--name", "shape", "--value", "round", "--wait");
        for (JsonNode record : List.of(createdByCli, paidByCli, metadataByCli)) {
            assertThat(record.get("error_code").asInt()).isZero();
            assertThat(record.get("ledger_seq").asLong()).isPositive();
        }
        JsonNode submittedOnly = cliJson("tx", "pay", "--node", url, "--key", genesisKey.toString(),
                "--to", dave.address(), "--amount", "1");
        String unwaitedHash = submittedOnly.get("hash").asText();
        assertThat(client.waitForCommit(unwaitedHash, WAIT)).hasValueSatisfying(r -> assertThat(r.isSuccess()).isTrue());
        JsonNode daveByCli = cliJson("account", "get", dave.address(), "--node", url);
        assertThat(daveByCli.get("balance").asLong()).isEqualTo(40_000_000 + 7 + 1
                - metadataByCli.get("actual_fee").asLong());
        assertThat(daveByCli.get("metadatas").get(0).get("key").asText()).isEqualTo("shape");
        assertThat(daveByCli.get("metadatas").get(0).get("value").asText()).isEqualTo("round");
        JsonNode txByCli = cliJson("tx", "get", paidByCli.get("hash").asText(), "--node", url);
        assertThat(txByCli.get("transaction").get("operations").get(0).get("pay_coin").get("amount").asLong())
                .isEqualTo(7);
        JsonNode ledgerByCli = cliJson("ledger", "get", Long.toString(created.ledgerSeq()), "--node", url);
        assertThat(ledgerByCli.get("header").get("seq").asLong()).isEqualTo(created.ledgerSeq());
        CliRun rejected = CliRun.of("tx", "pay", "--node", url, "--key", daveKey.toString(), "--to", alice.address(),
                "--amount", "1000000000000000", "--wait");
        assertThat(rejected.exitCode()).as(rejected.err()).isEqualTo(1);
        assertThat(rejected.err()).startsWith("error: ");

        // Every endpoint serves what was committed.
        LedgerHeader createdLedger = client.getLedger(created.ledgerSeq()).header();
        assertThat(createdLedger.getSeq()).isEqualTo(created.ledgerSeq());
        assertThat(createdLedger.getTxCount()).isPositive();
        assertThat(AccountProofVerifier.ledgerHeaderHash(createdLedger)).isEqualTo(createdLedger.getHash().toByteArray());
        assertThat(client.getLatestLedger().validators()).contains(genesis.address());
        assertThat(client.getTransactions(created.ledgerSeq())).extracting(TransactionRecord::hash)
                .contains(created.hash());
        assertThat(client.getTransaction(paid.hash()).transaction().getOperations(0).getPayCoin().getAmount())
                .isEqualTo(12_345);
        AccountInfo aliceInfo = client.getAccount(alice.address());
        assertThat(aliceInfo.account().getPriv().getThresholds().getTxThreshold()).isEqualTo(2);
        assertThat(aliceInfo.metadatas()).anySatisfy(entry -> assertThat(entry.getValue()).isEqualTo("green"));
        assertThat(client.getMetadata(alice.address(), "color")).hasValueSatisfying(
                entry -> assertThat(entry.getValue()).isEqualTo("green"));
        assertThat(client.getMetadata(alice.address(), "size")).isEmpty();
        assertThat(client.getAccountBase(alice.address()).getAddress()).isEqualTo(alice.address());
        assertThat(notFoundCode(() -> client.getAccountBase(absent))).isEqualTo(4);
        FeeEvaluation fee = client.evaluateFee(new TransactionBuilder().source(genesis.address())
                .nonce(client.getNonce(genesis.address()) + 1).payCoin(alice.address(), 1).build().transaction(), 1);
        assertThat(fee.actualFee()).isPositive();
        await().atMost(WAIT).until(client::getTxCacheSize, size -> size == 0);

        // Account proofs: present (with the balance the node reports) and absent, both verified offline.
        LedgerHeader latest = client.getLatestLedger().header();
        ProofVerification present = AccountProofVerifier.verify(
                client.getAccountProof(alice.address(), latest.getSeq()), latest.getHash().toByteArray());
        assertThat(present).isInstanceOfSatisfying(ProofVerification.AccountPresent.class, proven ->
                assertThat(proven.account().getBalance()).isEqualTo(client.getBalance(alice.address())));
        assertThat(AccountProofVerifier.verify(client.getAccountProof(absent)))
                .isInstanceOf(ProofVerification.AccountAbsent.class);
        ProofVerification historical = AccountProofVerifier.verify(
                client.getAccountProof(alice.address(), created.ledgerSeq() - 1));
        assertThat(historical).as("alice did not exist before her creation ledger")
                .isInstanceOf(ProofVerification.AccountAbsent.class);

        // kill -9, restart on the same data directory: the same ledgers and balances are served.
        Map<Long, LedgerHeader> headers = new LinkedHashMap<>();
        for (long seq = 1; seq <= latest.getSeq(); seq++) {
            headers.put(seq, client.getLedger(seq).header());
        }
        Map<String, Long> balances = new LinkedHashMap<>();
        for (String address : List.of(genesis.address(), alice.address(), dave.address())) {
            balances.put(address, client.getBalance(address));
        }
        Process first = processes.get(0);
        first.destroyForcibly();
        assertThat(first.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String restartedUrl = startDevNode(data, "second");
        BanyanClient restarted = BanyanClient.connect(restartedUrl);
        assertThat(KeyFile.load(data.resolve("keys/genesis-account.json"))).as("the genesis key is reused")
                .isEqualTo(genesis);
        for (Map.Entry<Long, LedgerHeader> entry : headers.entrySet()) {
            assertThat(restarted.getLedger(entry.getKey()).header()).isEqualTo(entry.getValue());
        }
        for (Map.Entry<String, Long> entry : balances.entrySet()) {
            assertThat(restarted.getBalance(entry.getKey())).isEqualTo(entry.getValue());
        }
        TransactionRecord afterRestart = commit(restarted, genesis, builder -> builder.payCoin(dave.address(), 3));
        assertThat(afterRestart.isSuccess()).isTrue();
        assertThat(afterRestart.ledgerSeq()).isGreaterThan(latest.getSeq());

        // A normal stop (SIGTERM) runs the shutdown hook and ends the process.
        Process second = processes.get(1);
        second.destroy();
        assertThat(second.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(directory.resolve("second.log"))).contains("Banyan dev chain is running");
    }

    /**
     * One signature of weight 1 is below alice's threshold 2. The node may refuse it at admission (error 93, nothing
     * changes) or commit it as failed (only the fee and the nonce change); either way the payment must not happen.
     */
    private static void assertLoneSignatureIsRefused(final BanyanClient client, final KeyFile alice,
                                                     final String destination) {
        long balanceBefore = client.getBalance(alice.address());
        long nonceBefore = client.getNonce(alice.address());
        SignedTransaction lone = new TransactionBuilder().source(alice.address()).nonce(nonceBefore + 1)
                .payCoin(destination, 100).build().sign(alice.signingKey());
        SubmitResult result = client.submit(lone).get(0);
        if (!result.isAccepted()) {
            assertThat(result.errorCode()).isEqualTo(93);
            assertThat(client.getBalance(alice.address())).isEqualTo(balanceBefore);
            assertThat(client.getNonce(alice.address())).isEqualTo(nonceBefore);
            return;
        }
        TransactionRecord record = client.waitForCommit(result.hash(), WAIT).orElseThrow();
        assertThat(record.isSuccess()).isFalse();
        assertThat(client.getBalance(alice.address())).isEqualTo(balanceBefore - record.actualFee());
        assertThat(client.getNonce(alice.address())).isEqualTo(nonceBefore + 1);
    }

    /** Builds, signs (by the source and any co-signers), submits and waits for one transaction. */
    private static TransactionRecord commit(BanyanClient client, KeyFile source,
                                            java.util.function.Consumer<TransactionBuilder> operations,
                                            KeyFile... coSigners) {
        TransactionBuilder builder = new TransactionBuilder().source(source.address())
                .nonce(client.getNonce(source.address()) + 1);
        operations.accept(builder);
        SignedTransaction signed = builder.build().sign(source.signingKey());
        for (KeyFile coSigner : coSigners) {
            signed = signed.signedBy(coSigner.signingKey());
        }
        SubmitResult result = client.submit(signed).get(0);
        assertThat(result.isAccepted()).as(result.toString()).isTrue();
        assertThat(result.hash()).isEqualTo(signed.hashHex());
        return client.waitForCommit(result.hash(), WAIT).orElseThrow(
                () -> new AssertionError("transaction " + result.hash() + " was not committed within " + WAIT));
    }

    private static JsonNode cliJson(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("banyan %s failed: %s", String.join(" ", args), run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static int notFoundCode(Runnable call) {
        try {
            call.run();
        } catch (BanyanException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected the node to report an error");
    }

    /** Starts {@code banyan dev} in a child JVM and waits until its HTTP API answers; returns its URL. */
    private String startDevNode(Path data, String name) throws IOException {
        int port = freeLoopbackPort();
        Path log = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // RocksDB unpacks its native library into the temporary directory; a killed JVM cannot delete it.
                "-Djava.io.tmpdir=" + directory,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "dev", "--data", data.toString(), "--http-port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        String url = "http://127.0.0.1:" + port;
        BanyanClient client = BanyanClient.connect(url);
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> client.getLatestLedger().header().getSeq() >= 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("banyan dev did not answer on " + url + " within " + WAIT + "; alive="
                    + process.isAlive() + "; its output:\n" + Files.readString(log), e);
        }
        return url;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
