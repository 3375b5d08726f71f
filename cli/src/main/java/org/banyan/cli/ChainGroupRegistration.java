package org.banyan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.Hex;
import org.banyan.sdk.ChainGroupClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;

/**
 * The main-chain side of bringing a sub-chain into the group, through the same governance API an operator uses: the
 * governance account opens and certifies the enterprise's and the gateway's accounts, the enterprise applies for its
 * backbone node, super nodes approve it, the enterprise applies for the sub-chain with its genesis hash and
 * validators, and super nodes approve that, which issues the AC code. Every write is a blob the main chain builds,
 * signed here, and submitted back; each step waits for its commit and stops on the first refusal.
 */
final class ChainGroupRegistration {

    /** How long one step waits for its transactions to commit on the main chain. */
    static final Duration STEP_WAIT = Duration.ofSeconds(60);

    /** Balance the governance account gives each new main-chain account: 1,000 XHT pays for years of anchors. */
    static final long OPENING_BALANCE = 1_000L * 100_000_000L;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ChainGroupClient main;
    private final KeyFile governance;
    private final List<KeyFile> superNodes;
    private final PrintWriter progress;

    /**
     * @param superNodes the keys of enough super nodes to make a quorum: each approval is one of their votes
     */
    ChainGroupRegistration(final ChainGroupClient main, final KeyFile governance, final List<KeyFile> superNodes,
                           final PrintWriter progress) {
        this.main = main;
        this.governance = governance;
        this.superNodes = List.copyOf(superNodes);
        this.progress = progress;
    }

    /** What a sub-chain's application says about it. */
    record Application(String ac, String name, String industry, long chainId, String genesisHash,
                       List<ValidatorKey> validators, String endpoint) {
    }

    /** A sub-chain validator in the application: its node's public key and voting power. */
    record ValidatorKey(String publicKey, long power) {
    }

    /**
     * Registers a sub-chain: opens and certifies the enterprise's and the gateway's accounts, admits the backbone
     * node and approves the sub-chain, so that its AC code is issued and the gateway may anchor.
     */
    void register(final Application application, final KeyFile enterprise, final KeyFile gateway,
                  final String backboneNodeBid) {
        step("opening the accounts of the enterprise and the gateway of " + application.ac(), () -> {
            long nonce = main.client().getNonce(governance.address());
            SignedTransaction create = new TransactionBuilder()
                    .source(governance.address()).nonce(nonce + 1)
                    .createAccount(enterprise.address(), OPENING_BALANCE)
                    .createAccount(gateway.address(), OPENING_BALANCE)
                    .build().sign(governance.signingKey());
            return submit(List.of(create));
        });
        step("certifying them as trusted", () -> {
            long nonce = main.client().getNonce(governance.address());
            List<SignedTransaction> calls = new ArrayList<>();
            for (KeyFile account : List.of(enterprise, gateway)) {
                calls.add(main.prepare("certify", governance.address(), NODES.objectNode()
                                .put("account", account.address()).put("trusted", "TRUSTED").put("enabled", true),
                        OptionalLong.of(nonce + 1 + calls.size())).sign(governance.signingKey()));
            }
            return submit(calls);
        });
        step("applying for backbone node " + backboneNodeBid, () -> submit(List.of(main.prepare("applyBackbone",
                enterprise.address(), NODES.objectNode().put("node_bid", backboneNodeBid)
                        .put("enterprise_bid", enterprise.address())
                        .put("documents_hash", documentsHash(application.name())),
                OptionalLong.empty()).sign(enterprise.signingKey()))));
        step("super nodes approving the backbone node", () ->
                vote("approveBackbone", NODES.objectNode().put("node_bid", backboneNodeBid)));
        step("applying for sub-chain " + application.ac() + " (" + application.name() + ")", () -> {
            ObjectNode params = NODES.objectNode().put("ac", application.ac()).put("name", application.name())
                    .put("industry", application.industry()).put("chain_type", "banyan")
                    .put("chain_id", application.chainId()).put("genesis_hash", application.genesisHash())
                    .put("endpoint", application.endpoint()).put("resolver_url", application.endpoint());
            application.validators().forEach(validator -> params.withArray("validators").addObject()
                    .put("public_key", validator.publicKey()).put("power", validator.power()));
            params.putArray("gateways").add(gateway.address());
            return submit(List.of(main.prepare("applySubChain", enterprise.address(), params, OptionalLong.empty())
                    .sign(enterprise.signingKey())));
        });
        step("super nodes approving the sub-chain: AC code " + application.ac() + " issued", () ->
                vote("approveSubChain", NODES.objectNode().put("ac", application.ac())));
        JsonNode record = main.query("subChain", NODES.objectNode().put("ac", application.ac()));
        if (!"ACTIVE".equalsIgnoreCase(record.path("status").asText())) {
            throw new CommandFailedException("sub-chain " + application.ac() + " is " + record.path("status").asText()
                    + " after its approval, not ACTIVE: " + record);
        }
    }

    /** One vote by each super node in the quorum, submitted at once. */
    private List<String> vote(final String method, final JsonNode params) {
        List<SignedTransaction> votes = new ArrayList<>();
        for (KeyFile superNode : superNodes) {
            votes.add(main.prepare(method, superNode.address(), params, OptionalLong.empty())
                    .sign(superNode.signingKey()));
        }
        return submit(votes);
    }

    private List<String> submit(final List<SignedTransaction> transactions) {
        List<String> hashes = new ArrayList<>();
        for (SubmitResult result : main.client().submit(transactions)) {
            if (!result.isAccepted()) {
                throw new CommandFailedException("the main chain refused a registration step: " + result.errorDesc()
                        + " (error " + result.errorCode() + ")");
            }
            hashes.add(result.hash());
        }
        return hashes;
    }

    /** Runs one step, prints it, and waits until each of its transactions has committed successfully. */
    private void step(final String description, final java.util.function.Supplier<List<String>> action) {
        progress.print("  " + description + " … ");
        progress.flush();
        for (String hash : action.get()) {
            TransactionRecord committed = main.client().waitForCommit(hash, STEP_WAIT)
                    .orElseThrow(() -> new CommandFailedException("transaction " + hash + " did not commit within "
                            + STEP_WAIT.toSeconds() + " s; is the main chain running?"));
            if (!committed.isSuccess()) {
                progress.println("failed");
                throw new CommandFailedException("'" + description + "' failed on the main chain: "
                        + committed.errorDesc());
            }
        }
        progress.println("done");
        progress.flush();
    }

    /**
     * The hash of an application's documents. {@code up} has no papers to file, so it commits to the application's
     * name; a real applicant hashes its licence and authorisation PDFs.
     */
    private static String documentsHash(final String name) {
        return Hex.encode(Hashes.sha256(("documents of " + name).getBytes(StandardCharsets.UTF_8)));
    }
}
