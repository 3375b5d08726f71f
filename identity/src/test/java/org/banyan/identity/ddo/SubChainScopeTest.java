package org.banyan.identity.ddo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.DdoChain;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.Extension;
import org.banyan.identity.document.Service;
import org.banyan.identity.document.TypeCodes;
import org.junit.jupiter.api.Test;

/** A sub-chain's DDO contract keeps its own BIDs' documents and refuses every other id, leaving state unchanged. */
class SubChainScopeTest {

    private static final String AC_CODE = "abcd";

    private final DdoChain subChain = new DdoChain(DdoContract.subChain(AC_CODE));
    private final PrivateKey owner = TestDocuments.key(1);
    private final PrivateKey recovery = TestDocuments.key(2);
    private final PrivateKey relayer = TestDocuments.key(3);
    private final String subChainBid = owner.publicKey().address(AC_CODE).toString();

    private ResultCode create(final BidDocument document) {
        subChain.fund(relayer);
        return DdoChain.resultOf(subChain.call(relayer, DdoCalls.creation(document)));
    }

    @Test
    void aSubChainBidSignedByTheKeyItWasMadeFromIsCreatedThroughARelayer() {
        final BidDocument document = TestDocuments.signedBy(TestDocuments.document(subChainBid, owner, recovery,
            TestDocuments.CREATED), owner, "#key-1");

        assertThat(create(document)).isEqualTo(ResultCode.SUCCESS);
        assertThat(subChain.record(subChainBid)).hasValueSatisfying(record -> assertThat(record.deactivated()).isFalse());
        assertThat(DdoContract.subChain(AC_CODE).chainAcCode()).contains(AC_CODE);
        assertThat(DdoContract.mainChain().chainAcCode()).isEmpty();
    }

    @Test
    void mainChainBidsOtherSubChainsAndAcCodeDocumentsAreRefusedWithoutChange() {
        final String mainBid = TestDocuments.bid(owner);
        final String otherSubChainBid = owner.publicKey().address("wxyz").toString();
        final BidDocument acCodeDocument = TestDocuments.signedBy(new BidDocument(List.of(BidDocumentCodec.DID_CONTEXT),
            "1.0.0", "did:bid:" + AC_CODE, TestDocuments.document(owner, recovery, TestDocuments.CREATED).publicKeys(),
            List.of(mainBid + "#key-1"), List.of(), Extension.of(TypeCodes.DOCUMENT_AC_CODE, List.of()),
            List.of(new Service(mainBid + "#resolver", TypeCodes.SUB_RESOLVER, "https://sub.example.com",
                Optional.of("1.0.0"), OptionalInt.of(3), OptionalInt.of(0), OptionalInt.empty())), TestDocuments.CREATED,
            TestDocuments.CREATED, Optional.empty()),
            owner, "#key-1");
        final var before = subChain.ddoAccount();

        for (final BidDocument document : List.of(
            TestDocuments.signed(owner, recovery, TestDocuments.CREATED),
            TestDocuments.signedBy(TestDocuments.document(otherSubChainBid, owner, recovery, TestDocuments.CREATED),
                owner, "#key-1"),
            acCodeDocument)) {
            assertThat(create(document)).as(document.id()).isEqualTo(ResultCode.UNSUPPORTED);
        }
        assertThat(subChain.ddoAccount()).isEqualTo(before);
        assertThat(subChain.record(mainBid)).isEmpty();
    }

    @Test
    void anAcCodeMustBeFourLowerCaseLettersOrDigits() {
        assertThatThrownBy(() -> DdoContract.subChain("ABCD")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("4 lower-case letters or digits");
        assertThatThrownBy(() -> DdoContract.subChain("abcde")).isInstanceOf(IllegalArgumentException.class);
    }
}
