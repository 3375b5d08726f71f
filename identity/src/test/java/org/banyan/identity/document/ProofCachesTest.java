package org.banyan.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.junit.jupiter.api.Test;

/** The memos answer exactly what the computations would, remember only successes, and start over at their caps. */
class ProofCachesTest {

    private static PrivateKey key(final String name, final int index) {
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256((name + index).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlySignaturesThatVerifyAreRemembered() {
        final PrivateKey signer = key("memo", 1);
        final byte[] message = "a document".getBytes(StandardCharsets.UTF_8);
        final byte[] signature = signer.sign(message);
        final byte[] forged = signature.clone();
        forged[0] ^= 1;
        final int before = ProofCaches.sizes()[1];
        assertThat(ProofCaches.verify(signer.publicKey(), message, forged)).isFalse();
        assertThat(ProofCaches.verify(signer.publicKey(), message, forged)).as("a failure is never remembered").isFalse();
        assertThat(ProofCaches.verify(signer.publicKey(), message, signature)).isTrue();
        assertThat(ProofCaches.verify(signer.publicKey(), message, signature)).isTrue();
        assertThat(ProofCaches.verify(key("memo", 2).publicKey(), message, signature)).as("another key").isFalse();
        assertThat(ProofCaches.verify(signer.publicKey(), "another".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(ProofCaches.sizes()[1]).isIn(before + 1, 1);
        assertThatThrownBy(() -> ProofCaches.parseKey("b06566")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachMemoStartsOverAtItsCap() {
        final byte[] message = "cap".getBytes(StandardCharsets.UTF_8);
        int index = 0;
        while (ProofCaches.sizes()[0] < ProofCaches.MAX_KEYS) {
            ProofCaches.parseKey(key("cap", index++).publicKey().encoded());
        }
        ProofCaches.parseKey(key("cap", index++).publicKey().encoded());
        assertThat(ProofCaches.sizes()[0]).as("one past the cap starts over").isEqualTo(1);

        while (ProofCaches.sizes()[1] < ProofCaches.MAX_VERIFIED) {
            final PrivateKey signer = key("cap", index++);
            assertThat(ProofCaches.verify(signer.publicKey(), message, signer.sign(message))).isTrue();
        }
        final PrivateKey beyond = key("cap", index);
        assertThat(ProofCaches.verify(beyond.publicKey(), message, beyond.sign(message))).isTrue();
        assertThat(ProofCaches.sizes()[1]).as("one past the cap starts over").isEqualTo(1);
    }

    @Test
    void preparingACreationChecksItsDocumentsProofsAndIgnoresAnythingElse() {
        final List<BidDocument> documents = List.of(
            TestDocuments.signed(key("prepare", 1), key("prepare-recovery", 1), TestDocuments.CREATED),
            TestDocuments.signed(key("prepare", 2), key("prepare-recovery", 2), TestDocuments.CREATED));
        final int before = ProofCaches.sizes()[1];
        DdoContract.prepare(DdoCalls.creation(documents));
        assertThat(ProofCaches.sizes()[1]).as("both proofs checked ahead").isIn(before + 2, 1, 2);
        for (final String ignored : List.of("", "not json", "{\"method\":\"delete\",\"params\":{}}",
            "{\"method\":\"creation\",\"params\":{\"documents\":7}}", DdoCalls.queryBid(TestDocuments.bid(key("x", 1))))) {
            DdoContract.prepare(ignored);
        }
    }
}
