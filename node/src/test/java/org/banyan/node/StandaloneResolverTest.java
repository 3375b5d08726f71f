package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.node.api.HttpApi;
import org.banyan.node.identity.RecursiveDirectory;
import org.junit.jupiter.api.Test;

/** The standalone resolver in front of a node answers exactly what the node answers, and serves nothing else. */
class StandaloneResolverTest {

    @Test
    void theResolverFrontingANodeAnswersAsTheNodeDoes() throws Exception {
        final PrivateKey owner = TestTransactions.key(3);
        final String bid = TestTransactions.address(owner);
        try (TestNode node = TestNode.start();
             HttpApi resolver = HttpApi.startResolver("127.0.0.1", 0,
                 RecursiveDirectory.frontingNode(URI.create(node.url() + "/"), Optional.empty(), Clock.systemUTC()))) {
            new IdentityChain(node).succeeds(owner, DdoCalls.creation(BidDocuments.signed(BidDocuments.first(bid, owner,
                TestTransactions.key(41), 0), owner, "#key-1")));
            final String base = "http://127.0.0.1:" + resolver.port();
            final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (final String path : new String[] {"/1.0/identifiers/" + bid, "/" + bid, "/" + bid + "/public-keys",
                "/1.0/identifiers/" + TestTransactions.address(TestTransactions.key(80)), "/1.0/identifiers/did:web:x"}) {
                final HttpResponse<String> fromResolver = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
                final TestNode.Reply fromNode = node.fetch(path);
                assertThat(fromResolver.statusCode()).as(path).isEqualTo(fromNode.status());
                assertThat(fromResolver.body()).as(path).isEqualTo(fromNode.body());
                assertThat(fromResolver.headers().firstValue("Content-Type")).contains(fromNode.contentType());
            }
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/getLedger")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("only the resolver views").isEqualTo(404);
        }
    }
}
