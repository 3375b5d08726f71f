package org.banyan.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.DocumentProofs;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.PublicKeyEntry;
import org.banyan.identity.document.Service;
import org.banyan.sdk.BanyanClient;
import org.banyan.sdk.BanyanException;

/**
 * The documents the identity benchmarks write and read: the i-th belongs to a key derived from i, so a resolution
 * run finds the BIDs a creation run wrote without keeping state. Each is a typical document: its key authenticating
 * and recovering it, a resolver service, an hour's TTL; about 900 bytes, signed by its own key so any account may
 * submit it.
 */
final class BenchDocuments {

    private BenchDocuments() {
    }

    /** The key of the i-th document. */
    static PrivateKey key(final int index) {
        return PrivateKey.fromRaw(KeyType.ED25519,
            Hashes.sha256(("banyan bench document " + index).getBytes(StandardCharsets.UTF_8)));
    }

    /** The BID of the i-th document. */
    static String bid(final int index) {
        return key(index).publicKey().address().toString();
    }

    /**
     * The index of the first benchmark document the node does not hold: runs create them in order, so the ones a node
     * holds are 0 to this index, found by doubling and then halving.
     */
    static int firstMissing(final BanyanClient client) {
        int high = 1;
        while (exists(client, high - 1)) {
            high *= 2;
        }
        int low = high / 2;
        while (low < high) {
            final int middle = (low + high) >>> 1;
            if (exists(client, middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static boolean exists(final BanyanClient client, final int index) {
        try {
            client.callContract(DdoContract.ADDRESS, DdoCalls.queryBid(bid(index)));
            return true;
        } catch (final BanyanException e) {
            return false;
        }
    }

    /** The i-th document, created and updated at {@code time}, signed by its key. */
    static BidDocument signed(final int index, final String time) {
        final PrivateKey key = key(index);
        final String id = key.publicKey().address().toString();
        final String keyId = id + "#key-1";
        final BidDocument document = new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT), "1.0.0", id,
            List.of(new PublicKeyEntry(keyId, id, key.publicKey())), List.of(keyId), List.of(),
            new Extension(List.of(keyId), OptionalLong.of(3_600), Optional.empty(), 101, List.of(), List.of(), List.of()),
            List.of(Service.of(id + "#resolver", "DIDResolver", "https://resolver.example.com")), time, time,
            Optional.empty());
        return DocumentProofs.sign(document, key, keyId);
    }
}
