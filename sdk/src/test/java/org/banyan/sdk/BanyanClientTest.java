package org.banyan.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client behaviour that needs no node; the client against a real node is tested in the cli module. */
class BanyanClientTest {

    private static String closedPortUrl;

    @BeforeAll
    static void findAPortNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPortUrl = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void rejectsUrlsThatAreNotHttpNodeUrls() {
        for (String url : List.of("ftp://host:1", "127.0.0.1:19333", "http://", "http://host:1/?x=1", "http://a b")) {
            assertThatThrownBy(() -> BanyanClient.connect(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BanyanClient.connect("http://127.0.0.1:19333").nodeUri().toString())
                .isEqualTo("http://127.0.0.1:19333/");
    }

    @Test
    void anUnreachableNodeGivesAClearConnectionError() {
        BanyanClient client = BanyanClient.connect(closedPortUrl);

        assertThatThrownBy(() -> client.getAccountBase("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx"))
                .isInstanceOf(NodeConnectionException.class)
                .hasMessageContaining("cannot reach node " + closedPortUrl);
    }

    @Test
    void submitTakesUpToMaxItems() {
        BanyanClient client = BanyanClient.connect(closedPortUrl);
        SignedTransaction transaction = new TransactionBuilder()
                .source(TestKeys.ed25519(1).publicKey().address().toString()).nonce(1)
                .payCoin(TestKeys.ed25519(2).publicKey().address().toString(), 1).build().sign(TestKeys.ed25519(1));

        assertThatThrownBy(() -> client.submit(Collections.nCopies(BanyanClient.MAX_SUBMIT_ITEMS, transaction)))
                .as("a full batch is accepted and sent").isInstanceOf(NodeConnectionException.class);
        assertThatThrownBy(() -> client.submit(Collections.nCopies(BanyanClient.MAX_SUBMIT_ITEMS + 1, transaction)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 10000");
        assertThatThrownBy(() -> client.submit(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitForCommitWaitsAtMostTheMaximum() {
        BanyanClient client = BanyanClient.connect(closedPortUrl);

        assertThatThrownBy(() -> client.waitForCommit("00", BanyanClient.MAX_COMMIT_WAIT))
                .as("the maximum is accepted and polling starts").isInstanceOf(NodeConnectionException.class);
        assertThatThrownBy(() -> client.waitForCommit("00", BanyanClient.MAX_COMMIT_WAIT.plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.waitForCommit("00", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsResponsesUpToTheCapAndNoFurther() throws IOException {
        int cap = 1_000;

        assertThat(NodeHttp.readBounded(new ByteArrayInputStream(new byte[cap]), cap)).hasSize(cap);
        assertThatThrownBy(() -> NodeHttp.readBounded(new ByteArrayInputStream(new byte[cap + 1]), cap))
                .isInstanceOf(NodeConnectionException.class).hasMessageContaining("larger than 1000 bytes");
        assertThat(NodeHttp.MAX_RESPONSE_BYTES).isEqualTo(128 * 1024 * 1024);
    }

    @Test
    void evaluateFeeChecksTheSignatureCount() {
        BanyanClient client = BanyanClient.connect(closedPortUrl);
        var transaction = new TransactionBuilder().source(TestKeys.ed25519(1).publicKey().address().toString())
                .nonce(1).payCoin(TestKeys.ed25519(2).publicKey().address().toString(), 1).build().transaction();

        assertThatThrownBy(() -> client.evaluateFee(transaction, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.evaluateFee(transaction, SignedTransaction.MAX_SIGNATURES + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.evaluateFee(transaction, SignedTransaction.MAX_SIGNATURES))
                .isInstanceOf(NodeConnectionException.class);
    }

    @Test
    void bifErrorsCarryTheirCode() {
        BanyanException notFound = new BanyanException(4, "account not exist");

        assertThat(notFound.errorCode()).isEqualTo(4);
        assertThat(notFound.errorDesc()).isEqualTo("account not exist");
        assertThat(notFound.isNotFound()).isTrue();
        assertThat(new BanyanException(99, "bad sequence").isNotFound()).isFalse();
        assertThatThrownBy(() -> new BanyanException(0, "ok")).isInstanceOf(IllegalArgumentException.class);
    }
}
