package org.banyan.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.BidDocument;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.KeyFile;
import org.banyan.sdk.SubmitResult;
import org.banyan.sdk.TransactionBuilder;
import org.banyan.sdk.TransactionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recursive resolution between two dev chains in one JVM over real HTTP on loopback: a main chain whose AC-code
 * document {@code did:bid:abcd} names the resolver of sub-chain {@code abcd}, which keeps its own BIDs. The main
 * chain resolves {@code did:bid:abcd:…} through it, in both views, with the document's TTL as cache lifetime.
 */
class SubChainResolutionTest {

    private static final String AC_CODE = "abcd";
    private static final LedgerTiming FAST = new LedgerTiming(50, 600_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private DevNode main;
    private DevNode sub;

    @BeforeEach
    void startChains() {
        main = DevNode.start(directory.resolve("main"), 0, Clock.systemUTC(), FAST, Optional.empty());
        sub = DevNode.start(directory.resolve("sub"), 0, Clock.systemUTC(), FAST, Optional.of(AC_CODE));
    }

    @AfterEach
    void stopChains() {
        main.close();
        sub.close();
    }

    @Test
    void theMainChainResolvesSubChainBidsThroughTheAcCodeDocument() throws Exception {
        final KeyFile governance = KeyFile.load(main.info().keyFile());
        final KeyFile subGovernance = KeyFile.load(sub.info().keyFile());
        assertThat(subGovernance.address()).startsWith("did:bid:" + AC_CODE + ":");
        assertThat(ddo(main, governance, DdoCalls.creation(BidDocuments.acCode(AC_CODE, governance.signingKey(),
            sub.info().httpUrl())))).isEqualTo(ResultCode.SUCCESS);

        final PrivateKey owner = subGovernance.signingKey();
        final PrivateKey recovery = TestTransactions.key(31);
        final String bid = subGovernance.address();
        assertThat(ddo(sub, subGovernance, DdoCalls.creation(BidDocuments.signed(BidDocuments.first(bid, owner, recovery,
            0), owner, "#key-1")))).isEqualTo(ResultCode.SUCCESS);

        final Answer resolved = get(main, "/1.0/identifiers/" + bid);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("didDocument").path("id").asText()).isEqualTo(bid);
        assertThat(get(main, "/" + bid).json().path("data").path("didDocument").path("id").asText()).isEqualTo(bid);
        assertThat(get(main, "/" + bid + "/public-keys").json().path("data").path("publicKey")).hasSize(2);

        final String unknownAcCode = owner.publicKey().address("zzzz").toString();
        assertThat(get(main, "/1.0/identifiers/" + unknownAcCode).status()).isEqualTo(404);
        assertThat(get(main, "/" + unknownAcCode).json().path("errorCode").asInt())
            .isEqualTo(ResultCode.UNKNOWN_AC_CODE.number());
        assertThat(get(sub, "/" + governance.address()).json().path("errorCode").asInt())
            .as("a sub-chain serves its own BIDs only").isEqualTo(ResultCode.UNSUPPORTED.number());
        assertThat(get(sub, "/1.0/identifiers/" + governance.address()).status()).isEqualTo(501);

        // TTL 0: not cached, so the main chain sees the deactivation at once.
        assertThat(ddo(sub, subGovernance, DdoCalls.delete(bid, DdoCalls.deleteProof(bid, recovery, bid + "#key-2"))))
            .isEqualTo(ResultCode.SUCCESS);
        final Answer deactivated = get(main, "/1.0/identifiers/" + bid);
        assertThat(deactivated.status()).isEqualTo(410);
        assertThat(deactivated.json().path("didDocumentMetadata").path("deactivated").asBoolean()).isTrue();
    }

    @Test
    void aSubChainDocumentIsCachedForItsTtlAndServedWhileTheSubChainIsDown() throws Exception {
        final KeyFile governance = KeyFile.load(main.info().keyFile());
        final KeyFile subGovernance = KeyFile.load(sub.info().keyFile());
        assertThat(ddo(main, governance, DdoCalls.creation(BidDocuments.acCode(AC_CODE, governance.signingKey(),
            sub.info().httpUrl())))).isEqualTo(ResultCode.SUCCESS);
        final PrivateKey cachedOwner = TestTransactions.key(32);
        final PrivateKey uncachedOwner = TestTransactions.key(33);
        final String cached = cachedOwner.publicKey().address(AC_CODE).toString();
        final String uncached = uncachedOwner.publicKey().address(AC_CODE).toString();
        // Signed by the keys the BIDs were made from, so the sub-chain's governance account may relay them.
        assertThat(ddo(sub, subGovernance, DdoCalls.creation(BidDocuments.signed(BidDocuments.first(cached, cachedOwner,
            TestTransactions.key(34), 3_600), cachedOwner, "#key-1")))).isEqualTo(ResultCode.SUCCESS);
        assertThat(ddo(sub, subGovernance, DdoCalls.creation(BidDocuments.signed(BidDocuments.first(uncached,
            uncachedOwner, TestTransactions.key(35), 0), uncachedOwner, "#key-1")))).isEqualTo(ResultCode.SUCCESS);
        assertThat(get(main, "/1.0/identifiers/" + cached).status()).isEqualTo(200);
        assertThat(get(main, "/1.0/identifiers/" + uncached).status()).isEqualTo(200);

        final BidDocument first = BidDocuments.first(cached, cachedOwner, TestTransactions.key(34), 3_600);
        assertThat(ddo(sub, subGovernance, DdoCalls.update(BidDocuments.signed(BidDocuments.document(cached,
            first.publicKeys(), first.authentication(), cached + "#key-2", 3_600, "2024-01-01T00:01:00Z"), cachedOwner,
            "#key-1")))).isEqualTo(ResultCode.SUCCESS);
        assertThat(get(sub, "/1.0/identifiers/" + cached).json().path("didDocumentMetadata").path("updated").asText())
            .isEqualTo("2024-01-01T00:01:00Z");
        assertThat(get(main, "/1.0/identifiers/" + cached).json().path("didDocumentMetadata").path("updated").asText())
            .as("the main chain serves its cached copy until the TTL passes").isEqualTo(BidDocuments.CREATED);

        sub.close();
        assertThat(get(main, "/1.0/identifiers/" + cached).status()).isEqualTo(200);
        final Answer down = get(main, "/1.0/identifiers/" + uncached);
        assertThat(down.status()).isEqualTo(500);
        assertThat(down.json().path("didResolutionMetadata").path("error").path("type").asText())
            .isEqualTo("https://www.w3.org/ns/did#INTERNAL_ERROR");
        assertThat(get(main, "/" + uncached).json().path("errorCode").asInt()).isEqualTo(ResultCode.NO_RESPONSE.number());
    }

    /** Commits one DDO call from the key file's account on the dev chain; returns its result code. */
    private static ResultCode ddo(final DevNode chain, final KeyFile source, final String input) {
        final BanyanClient client = BanyanClient.connect(chain.info().httpUrl());
        final SubmitResult submitted = client.submit(new TransactionBuilder().source(source.address())
            .nonce(client.getNonce(source.address()) + 1).feeLimit(IdentityChain.FEE_LIMIT)
            .payCoin(DdoContract.ADDRESS, 0, input).build().sign(source.signingKey())).get(0);
        assertThat(submitted.isAccepted()).as(submitted.errorDesc()).isTrue();
        final TransactionRecord record = client.waitForCommit(submitted.hash(), Duration.ofSeconds(30)).orElseThrow();
        return record.isSuccess() ? ResultCode.SUCCESS : ContractFailure.fromDescription(record.errorDesc()).orElseThrow(() -> new AssertionError(record.errorDesc())).code();
    }

    /** An HTTP answer. */
    private record Answer(int status, JsonNode json) {
    }

    private Answer get(final DevNode chain, final String path) throws IOException, InterruptedException {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(chain.info().httpUrl() + path))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }
}
