package org.banyan.identity.resolution;

import org.banyan.crypto.PrivateKey;
import org.banyan.identity.DdoChain;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.document.BidDocument;

/** A chain holding alice's live document and bob's deactivated one, and a directory over it. */
final class ResolutionFixture {

    final DdoChain chain = new DdoChain();
    final PrivateKey alice = TestDocuments.key(1);
    final PrivateKey bob = TestDocuments.key(3);
    final PrivateKey recovery = TestDocuments.key(2);
    final BidDocument aliceDocument = TestDocuments.signed(alice, recovery, TestDocuments.CREATED);
    final String aliceBid = TestDocuments.bid(alice);
    final String bobBid = TestDocuments.bid(bob);
    final String nobodyBid = TestDocuments.bid(TestDocuments.key(4));
    final BidDirectory directory;

    ResolutionFixture() {
        chain.fund(alice);
        chain.fund(bob);
        require(chain.call(alice, DdoCalls.creation(aliceDocument)).getErrorDesc(), chain.call(bob, DdoCalls.creation(
            TestDocuments.signed(bob, recovery, TestDocuments.CREATED))).getErrorDesc());
        require(chain.call(bob, DdoCalls.delete(bobBid, DdoCalls.deleteProof(bobBid, recovery, bobBid + "#key-2")))
            .getErrorDesc());
        directory = new BidDirectory(chain.ledger);
        if (!directory.find(aliceBid).isOk() || directory.find(nobodyBid).error().code() != ResultCode.NOT_FOUND) {
            throw new IllegalStateException("the fixture did not build");
        }
    }

    private static void require(final String... errors) {
        for (final String error : errors) {
            if (!error.isEmpty()) {
                throw new IllegalStateException(error);
            }
        }
    }
}
