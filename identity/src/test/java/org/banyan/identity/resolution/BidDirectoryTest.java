package org.banyan.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.identity.BidError;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.ledger.Outcome;
import org.junit.jupiter.api.Test;

/** The directory reads the records straight from state, and answers exactly what the contract's resolve query does. */
class BidDirectoryTest {

    private final ResolutionFixture fixture = new ResolutionFixture();

    @Test
    void theDirectoryAgreesWithTheResolveQuery() {
        for (final String bid : new String[] {fixture.aliceBid, fixture.bobBid}) {
            final Outcome<String> queried = fixture.chain.ledger.query(DdoContract.ADDRESS, DdoCalls.resolve(bid));
            assertThat(fixture.directory.find(bid).value()).isEqualTo(BidRecord.parse(queried.value()).value());
        }
        assertThat(fixture.directory.find(fixture.bobBid).value().deactivated()).isTrue();
        for (final String bid : new String[] {fixture.nobodyBid, "did:bid:not a bid"}) {
            final Outcome<String> queried = fixture.chain.ledger.query(DdoContract.ADDRESS, DdoCalls.resolve(bid));
            final BidError expected = ContractFailure.fromDescription(queried.error().message()).orElseThrow();
            assertThat(fixture.directory.find(bid).error().code()).isEqualTo(expected.code());
        }
        assertThat(fixture.directory.find(fixture.nobodyBid).error())
            .isEqualTo(new BidError(ResultCode.NOT_FOUND, "no document for " + fixture.nobodyBid));
    }
}
