package org.banyan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.banyan.credentials.Multikey;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.json.StrictJson;
import org.banyan.identity.resolution.BidDirectory;
import org.banyan.identity.resolution.BifView;
import org.banyan.identity.resolution.HttpResponse;
import org.banyan.identity.resolution.W3cView;
import org.junit.jupiter.api.Test;

/** The lifecycle on the main chain: create, resolve in both views, update, rotate keys, recover, deactivate. */
class EndToEndTest {

    private final DdoChain chain = new DdoChain();
    private final BidDirectory directory = new BidDirectory(chain.ledger);
    private final PrivateKey owner = TestDocuments.key(1);
    private final PrivateKey recovery = TestDocuments.key(2);
    private final String bid = TestDocuments.bid(owner);

    private JsonNode w3c() {
        final HttpResponse response = W3cView.resolve(bid, Optional.of("application/did-resolution"), Set.of(), directory::find);
        return StrictJson.parseObject(response.body()).value().put("status", response.status());
    }

    private void succeeds(final String input) {
        assertThat(DdoChain.resultOf(chain.call(owner, input))).isEqualTo(ResultCode.SUCCESS);
    }

    private BidDocument version(final List<PublicKeyEntry> keys, final List<String> authentication, final String updated) {
        final BidDocument base = TestDocuments.document(owner, recovery, TestDocuments.CREATED);
        return new BidDocument(base.context(), base.version(), bid, keys, authentication, base.alsoKnownAs(),
            base.extension(), base.services(), base.created(), updated, Optional.empty());
    }

    @Test
    void aBidLivesAndDiesOnTheMainChain() {
        chain.fund(owner);
        final BidDocument created = TestDocuments.signed(owner, recovery, TestDocuments.CREATED);
        succeeds(DdoCalls.creation(created));
        assertThat(StrictJson.parse(BifView.document(bid, directory::find).json()).value()
            .path("data").path("didDocument").path("id").textValue()).isEqualTo(bid);
        assertThat(w3c().path("status").intValue()).isEqualTo(200);
        assertThat(w3c().path("didDocument").path("verificationMethod")).hasSize(2);

        // Update: add a signing key for assertions (a rotation of non-authority keys needs no recovery).
        final PrivateKey assertionKey = TestDocuments.key(KeyType.SM2, 5);
        final List<PublicKeyEntry> withThird = List.of(created.publicKeys().get(0), created.publicKeys().get(1),
            new PublicKeyEntry(bid + "#key-3", bid, assertionKey.publicKey()));
        succeeds(DdoCalls.update(TestDocuments.signedBy(version(withThird, List.of(bid + "#key-1"),
            "2023-11-14T22:05:00Z"), owner, "#key-1")));
        assertThat(w3c().path("didDocument").path("verificationMethod").get(2).path("publicKeyMultibase").textValue())
            .isEqualTo(Multikey.encode(assertionKey.publicKey()));
        assertThat(w3c().path("didDocumentMetadata").path("updated").textValue()).isEqualTo("2023-11-14T22:05:00Z");

        // Recover: the authentication key is lost; the recovery key makes key-3 the authentication key.
        succeeds(DdoCalls.recovery(TestDocuments.signedBy(version(withThird.subList(1, 3), List.of(bid + "#key-3"),
            "2023-11-14T22:10:00Z"), recovery, "#key-2")));
        assertThat(w3c().path("didDocument").path("authentication")).extracting(JsonNode::textValue)
            .containsExactly(bid + "#key-3");
        assertThat(DdoChain.resultOf(chain.call(owner, DdoCalls.update(TestDocuments.signedBy(version(
            withThird.subList(1, 3), List.of(bid + "#key-3"), "2023-11-14T22:11:00Z"), owner, "#key-1")))))
            .as("the lost key no longer writes").isEqualTo(ResultCode.NO_PERMISSION);

        // Deactivate: 410 in the W3C view, 6 in BIF's.
        succeeds(DdoCalls.delete(bid, DdoCalls.deleteProof(bid, recovery, bid + "#key-2")));
        assertThat(w3c().path("status").intValue()).isEqualTo(410);
        assertThat(w3c().path("didDocumentMetadata").path("deactivated").booleanValue()).isTrue();
        assertThat(BifView.document(bid, directory::find).errorCode()).isEqualTo(ResultCode.NOT_FOUND.number());
    }
}
