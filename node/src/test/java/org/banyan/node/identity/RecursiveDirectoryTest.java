package org.banyan.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.document.Service;
import org.banyan.identity.document.TypeCodes;
import org.junit.jupiter.api.Test;

/** Which BIDs a chain answers itself, and how a sub-chain resolver service becomes a URL. */
class RecursiveDirectoryTest {

    private static final String MAIN_BID = "did:bid:efJgt44mNDewKK1VEN454R17cjso3mSG";
    private static final String SUB_BID = "did:bid:abcd:efJgt44mNDewKK1VEN454R17cjso3mSG";
    private static final String OTHER_SUB_BID = "did:bid:wxyz:efJgt44mNDewKK1VEN454R17cjso3mSG";

    private static RecursiveDirectory on(final Optional<String> acCode) {
        return new RecursiveDirectory(acCode, bid -> BidResult.failed(ResultCode.NOT_FOUND, "empty chain"),
            (uri, bid) -> BidResult.failed(ResultCode.NO_RESPONSE, "no sub-chains here"), new RecordCache(),
            Clock.systemUTC());
    }

    private static Service resolver(final String endpoint, final int protocol, final OptionalInt port) {
        return new Service("did:bid:abcd#resolver", TypeCodes.SUB_RESOLVER, endpoint, Optional.of("1.0.0"),
            OptionalInt.of(protocol), OptionalInt.of(port.isPresent() ? 1 : 0), port);
    }

    @Test
    void theMainChainAnswersItsOwnBidsAndAsksSubChainsForTheirs() {
        final RecursiveDirectory main = on(Optional.empty());
        assertThat(main.isLocal(MAIN_BID)).isTrue();
        assertThat(main.isLocal("did:bid:abcd")).as("AC-code documents live on the main chain").isTrue();
        assertThat(main.isLocal("not a bid")).isTrue();
        assertThat(main.isLocal(SUB_BID)).isFalse();
        assertThat(main.find(SUB_BID).error().code()).as("no AC-code document").isEqualTo(ResultCode.UNKNOWN_AC_CODE);
    }

    @Test
    void aSubChainAnswersOnlyItsOwnBids() {
        final RecursiveDirectory sub = on(Optional.of("abcd"));
        assertThat(sub.isLocal(SUB_BID)).isTrue();
        assertThat(sub.isLocal(MAIN_BID)).isFalse();
        assertThat(sub.isLocal(OTHER_SUB_BID)).isFalse();
        assertThat(sub.find(MAIN_BID).error().code()).isEqualTo(ResultCode.UNSUPPORTED);
        assertThat(sub.find(OTHER_SUB_BID).error().code()).isEqualTo(ResultCode.UNSUPPORTED);
        assertThat(sub.find(SUB_BID).error().code()).isEqualTo(ResultCode.NOT_FOUND);
    }

    @Test
    void aResolverServiceBecomesABaseUrl() {
        assertThat(RecursiveDirectory.resolverUrl(resolver("https://sub.example.com/resolver", 3, OptionalInt.empty()))
            .value()).isEqualTo(URI.create("https://sub.example.com/resolver/"));
        assertThat(RecursiveDirectory.resolverUrl(resolver("10.0.0.7", 2, OptionalInt.of(19333))).value())
            .isEqualTo(URI.create("http://10.0.0.7:19333/"));
        assertThat(RecursiveDirectory.resolverUrl(resolver("sub.example.com", 3, OptionalInt.empty())).value())
            .isEqualTo(URI.create("https://sub.example.com/"));
        assertThat(RecursiveDirectory.resolverUrl(resolver("10.0.0.7", 0, OptionalInt.of(2259))).error().code())
            .as("RFC-011 over UDP is not spoken").isEqualTo(ResultCode.UNSUPPORTED);
        assertThat(RecursiveDirectory.resolverUrl(resolver("http://x.example.com/?q=1", 2, OptionalInt.empty()))
            .error().code()).isEqualTo(ResultCode.ERROR);
    }
}
