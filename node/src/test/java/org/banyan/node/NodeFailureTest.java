package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** A failure inside the node is logged and answered with BIF's "internal error", never with a stack trace. */
class NodeFailureTest {

    @Test
    void aStorageFailureIsAnsweredWithInternalErrorAndNoStackTrace() {
        try (TestNode node = TestNode.start()) {
            node.store.close();

            final TestNode.Reply reply = node.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + node.node.httpPort() + "/getAccountBase?address=" + TestNode.GENESIS_ADDRESS)).GET());
            assertThat(reply.status()).isEqualTo(200);
            final JsonNode body = reply.json();
            assertThat(body.get("error_code").asInt()).isEqualTo(1);
            assertThat(body.get("error_desc").asText()).isEqualTo("internal error");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }
}
