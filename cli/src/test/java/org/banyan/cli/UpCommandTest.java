package org.banyan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.banyan.crypto.KeyType;
import org.banyan.node.ChainGenesis;
import org.banyan.node.GenesisConfig;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.chaingroup.ValidatorEntry;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.ChainGroupClient;
import org.banyan.sdk.ChainGroupProofVerifier;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code banyan up} end to end, every chain a real process: the sub-chain is registered through application, approval
 * and AC code, starts, is anchored by its gateway, and one of its transactions is proven against the main chain
 * through the SDK; the main chain refuses an uncertified account; a supervision order reaches the sub-chain only
 * through its main-chain client and freezes the account there.
 */
class UpCommandTest {

    /** Registration takes a dozen main-chain commits and the start of six JVMs on a 2-core machine. */
    private static final Duration START_WAIT = Duration.ofSeconds(240);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path directory;

    private ChildProcesses children;

    @AfterEach
    void killEveryChild() throws InterruptedException {
        if (children != null) {
            children.killAll();
        }
    }

    @Test
    void aRegisteredSubChainIsAnchoredProvenAndSupervised() throws Exception {
        children = new ChildProcesses(directory);
        Path group = directory.resolve("group");
        int basePort = ChildProcesses.freeLoopbackPortBlock(UpCommand.PORTS_PER_CHAIN * 2);
        Path log = directory.resolve("up.log");
        Process up = children.start(log, "up", "--dir", group.toString(), "--base-port", Integer.toString(basePort),
                "--sub-chains", "1");
        await().atMost(START_WAIT).pollInterval(Duration.ofMillis(250))
                .failFast("banyan up exited:\n" + ChildProcesses.readLog(log), () -> !up.isAlive())
                .until(() -> ChildProcesses.readLog(log).contains("Press Ctrl-C to stop every process."));
        assertThat(ChildProcesses.readLog(log)).contains("AC code evid issued", "sub-chain evid (Evidence storage");

        NetworkManifest main = NetworkManifest.load(group.resolve("main"));
        NetworkManifest sub = NetworkManifest.load(group.resolve("sub-evid"));
        ChainGroupClient mainChain = ChainGroupClient.of(BanyanClient.connect(main.nodes().get(1).httpUrl()));
        BanyanClient subChain = BanyanClient.connect(sub.nodes().get(0).httpUrl());
        JsonNode listed = mainChain.subChains().get(0);
        assertThat(listed.path("ac").asText()).isEqualTo("evid");
        assertThat(listed.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(listed.path("validators")).hasSize(1);
        assertThat(listed.path("approvers")).hasSize(3);

        // A sub-chain transaction, anchored and then proven against the main chain's super nodes alone.
        KeyFile subGenesis = KeyFile.load(group.resolve("sub-evid").resolve(NetworkManifest.GENESIS_KEY_FILE));
        KeyFile holder = KeyFile.generate(KeyType.ED25519, Optional.of("evid"), new SecureRandom());
        SubmitResult created = subChain.submit(new TransactionBuilder().source(subGenesis.address())
                .nonce(subChain.getNonce(subGenesis.address()) + 1).createAccount(holder.address(), 50_000_000L)
                .build().sign(subGenesis.signingKey())).get(0);
        assertThat(created.isAccepted()).isTrue();
        long height = subChain.waitForCommit(created.hash(), ChildProcesses.WAIT).orElseThrow().ledgerSeq();
        await().atMost(ChildProcesses.WAIT).until(() ->
                mainChain.subChains().get(0).path("anchored_height").asLong() >= height);
        ChainGroupProofVerifier verifier = ChainGroupProofVerifier.trusting(main.chainId(), superNodes(group));
        JsonNode proof = mainChain.transactionProof("evid", created.hash());
        ChainGroupProofVerifier.ProvenSubChainTransaction proven = verifier.verifyTransaction(proof, "evid",
                created.hash());
        assertThat(proven.height()).isEqualTo(height);
        assertThat(proven.anchoredHeight()).isGreaterThanOrEqualTo(height);
        assertThat(verifier.verifyAccount(mainChain.accountProof("evid", holder.address()), "evid", holder.address()))
                .hasValueSatisfying(account -> assertThat(account.getBalance()).isEqualTo(50_000_000L));
        ObjectNode forged = proof.deepCopy();
        forged.put("anchored_height", proof.path("anchored_height").asLong() - 1);
        assertThatThrownBy(() -> verifier.verifyTransaction(forged, "evid", created.hash()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainGroupProofVerifier.trusting(main.chainId(), List.of(ValidatorEntry.newBuilder()
                .setPublicKey(holder.publicKey()).setPower(1).build())).verifyTransaction(proof, "evid", created.hash()))
                .hasMessageContaining("not certified by the trusted super nodes");

        // The main chain gates uncertified accounts.
        KeyFile governance = KeyFile.load(group.resolve("main").resolve(NetworkManifest.GENESIS_KEY_FILE));
        KeyFile stranger = KeyFile.generate(KeyType.ED25519, Optional.empty(), new SecureRandom());
        BanyanClient mainClient = mainChain.client();
        String opened = mainClient.submit(new TransactionBuilder().source(governance.address())
                .nonce(mainClient.getNonce(governance.address()) + 1).createAccount(stranger.address(), 50_000_000L)
                .build().sign(governance.signingKey())).get(0).hash();
        assertThat(mainClient.waitForCommit(opened, ChildProcesses.WAIT).orElseThrow().isSuccess()).isTrue();
        SubmitResult refused = mainClient.submit(new TransactionBuilder().source(stranger.address()).nonce(1)
                .payCoin(governance.address(), 1).build().sign(stranger.signingKey())).get(0);
        assertThat(refused.errorCode()).isEqualTo(ERRORCODE.ERRCODE_ACCESS_DENIED_VALUE);
        assertThat(refused.errorDesc()).contains(stranger.address());

        // A supervision order by a quorum of super nodes freezes the holder on the sub-chain, through its gateway.
        for (NetworkManifest.Node superNode : main.nodes().subList(0, 3)) {
            KeyFile key = KeyFile.load(superNode.directory(group.resolve("main")).resolve(NetworkManifest.NODE_KEY_FILE));
            SubmitResult vote = mainChain.call("issueOrder", key, NODES.objectNode().put("ac", "evid")
                    .put("kind", "freeze_account").put("account", holder.address()).put("reason", "court order 7"),
                    OptionalLong.empty());
            assertThat(vote.isAccepted()).as(vote.errorDesc()).isTrue();
            assertThat(mainClient.waitForCommit(vote.hash(), ChildProcesses.WAIT).orElseThrow().isSuccess()).isTrue();
        }
        ChainGroupClient subChainGroup = ChainGroupClient.of(subChain);
        await().atMost(ChildProcesses.WAIT).ignoreExceptions().until(() ->
                subChainGroup.query("appliedCount", NODES.objectNode()).path("applied_orders").asLong() == 1);
        SubmitResult frozen = subChain.submit(new TransactionBuilder().source(holder.address()).nonce(1)
                .payCoin(subGenesis.address(), 1).build().sign(holder.signingKey())).get(0);
        assertThat(frozen.isAccepted()).isFalse();
        assertThat(frozen.errorDesc()).contains(holder.address());

        assertThat(ChildJvm.stopAll(List.of(up), ChildJvm.STOP_GRACE)).as("stopped by SIGTERM alone").isTrue();
        assertThat(ChildProcesses.readLog(log)).contains("Every process stopped.");
    }

    @Test
    void anImpossibleGroupIsAUsageErrorAndWritesNothing() {
        CliRun run = CliRun.of("up", "--sub-validators", "0", "--dir", directory.resolve("g").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--sub-validators must be from 1 to " + UpCommand.MAX_SUB_VALIDATORS);
        assertThat(directory.resolve("g")).doesNotExist();
    }

    /** The main chain's validators as its genesis names them: the trust root a client starts from. */
    private static List<ValidatorEntry> superNodes(final Path group) {
        ChainGenesis genesis = GenesisConfig.load(group.resolve("main").resolve(NetworkManifest.GENESIS_FILE));
        return genesis.genesis().validators().stream().map(validator -> ValidatorEntry.newBuilder()
                .setPublicKey(validator.publicKey()).setPower(validator.power()).build()).toList();
    }
}
