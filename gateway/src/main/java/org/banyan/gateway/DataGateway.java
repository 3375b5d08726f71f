package org.banyan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.ChainGroupClient;
import org.banyan.sdk.NodeConnectionException;
import org.banyan.sdk.SignedTransaction;
import org.banyan.sdk.SubmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backbone node's data gateway: it follows its sub-chain's certified headers and anchors them on the main chain
 * (every {@link GatewaySettings#anchorEvery()} heights, and always where the validator set changes), and relays the
 * main chain's supervision orders for its sub-chain down to it with their proofs ({@link OrderRelay}). It trusts
 * neither side: the main chain's light client checks every anchor, and the sub-chain's checks every order. A round
 * that fails (a node down, a refusal) is logged and retried at the next poll, on the next main-chain node.
 */
public final class DataGateway implements AutoCloseable {

    /** How long one round waits for its last anchor to commit before starting the next round anyway. */
    static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    /** The first height with a certificate: height 1 is the genesis ledger, which no block committed. */
    static final long FIRST_CERTIFIED_HEIGHT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(DataGateway.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GatewaySettings settings;
    private final ChainGroupClient subChain;
    private final List<ChainGroupClient> mainChain;
    private final OrderRelay orders;
    private final Thread thread;
    private volatile boolean running = true;
    private int mainIndex;
    private String lastProblem = "";

    /** A gateway whose thread is not started: {@link #start} starts one; tests drive {@link #anchorRound} directly. */
    DataGateway(final GatewaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.subChain = ChainGroupClient.of(BanyanClient.connect(settings.subChainUrl()));
        this.mainChain = settings.mainChainUrls().stream()
            .map(url -> ChainGroupClient.of(BanyanClient.connect(url))).toList();
        this.orders = new OrderRelay(settings, subChain);
        this.thread = new Thread(this::run, "gateway-" + settings.acCode());
        this.thread.setDaemon(true);
    }

    /** Starts the gateway's thread. */
    public static DataGateway start(final GatewaySettings settings) {
        final DataGateway gateway = new DataGateway(settings);
        gateway.thread.start();
        LOG.info("Data gateway of sub-chain {} started: anchoring {} on the main chain ({}) every {} block(s)",
            settings.acCode(), settings.subChainUrl(), String.join(", ", settings.mainChainUrls()),
            settings.anchorEvery());
        return gateway;
    }

    private void run() {
        while (running) {
            final ChainGroupClient main = mainChain.get(mainIndex);
            try {
                anchorRound(main);
                orders.relay(main);
                lastProblem = "";
            } catch (final NodeConnectionException | BanyanException | IllegalArgumentException e) {
                report(main, e);
                mainIndex = (mainIndex + 1) % mainChain.size();
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (final InterruptedException e) {
                return;
            }
        }
    }

    /** Logs a failed round once per distinct problem, so a long outage does not flood the log. */
    private void report(final ChainGroupClient main, final RuntimeException problem) {
        final String text = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
        if (!text.equals(lastProblem)) {
            LOG.warn("Gateway of sub-chain {}: a round against main-chain node {} failed ({}); retrying",
                settings.acCode(), main.client().nodeUri(), text);
            lastProblem = text;
        }
    }

    /**
     * Anchors the certified heights the main chain does not have yet, at most
     * {@link GatewaySettings#MAX_ANCHORS_PER_ROUND}, in one submission with consecutive nonces, and waits for the last
     * to commit. Returns how many it submitted.
     */
    int anchorRound(final ChainGroupClient main) {
        final long anchored = anchoredHeight(main);
        final long latest = subChain.latestCertifiedHeader().getHeader().getHeight();
        final long firstNonce = main.client().getNonce(settings.mainChainKey().address()) + 1;
        final List<SignedTransaction> anchors = new ArrayList<>();
        for (long height = Math.max(anchored + 1, FIRST_CERTIFIED_HEIGHT); height <= latest && anchors.size() < GatewaySettings.MAX_ANCHORS_PER_ROUND;
             height++) {
            final CertifiedHeader certified = subChain.certifiedHeader(height);
            if (height % settings.anchorEvery() == 0 || changesValidators(certified)) {
                anchors.add(main.prepare("anchor", settings.mainChainKey().address(), anchorParams(certified),
                    OptionalLong.of(firstNonce + anchors.size())).sign(settings.mainChainKey().signingKey()));
            }
        }
        if (anchors.isEmpty()) {
            return 0;
        }
        final List<SubmitResult> results = main.client().submit(anchors);
        for (final SubmitResult result : results) {
            if (!result.isAccepted()) {
                throw new BanyanException(result.errorCode(), "the main chain refused an anchor: " + result.errorDesc());
            }
        }
        main.client().waitForCommit(results.get(results.size() - 1).hash(), COMMIT_WAIT)
            .filter(record -> !record.isSuccess())
            .ifPresent(record -> LOG.warn("Gateway of sub-chain {}: an anchor failed on the main chain: {}",
                settings.acCode(), record.errorDesc()));
        return anchors.size();
    }

    /** The latest height of this sub-chain the main chain has anchored; 0 before the first anchor. */
    private long anchoredHeight(final ChainGroupClient main) {
        final JsonNode subChainRecord = main.query("subChain", NODES.objectNode().put("ac", settings.acCode()));
        return subChainRecord.path("anchored_height").asLong(0);
    }

    private static boolean changesValidators(final CertifiedHeader certified) {
        return !certified.getHeader().getNextValidatorsHash().equals(certified.getHeader().getValidatorsHash());
    }

    private ObjectNode anchorParams(final CertifiedHeader certified) {
        final ObjectNode params = NODES.objectNode().put("ac", settings.acCode())
            .put("certified_header", Base64.getEncoder().encodeToString(certified.toByteArray()));
        params.putObject("status")
            .put("height", certified.getHeader().getHeight())
            .put("tx_count", certified.getPreviousLedger().getTxCount())
            .put("nodes", certified.getCertificate().getPrecommitsCount());
        return params;
    }

    /** Whether the gateway's thread is still running. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the gateway and waits for its thread. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
