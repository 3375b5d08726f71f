package org.banyan.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import org.banyan.protocol.p2p.Hello;
import org.junit.jupiter.api.Test;

class HelloCheckTest {

    private static final String PEER = TestKeys.address(2);
    private static final Hello LOCAL = hello(7, 2, 4, TestKeys.address(1));

    private static Hello hello(final long chainId, final int min, final int max, final String address) {
        return Hello.newBuilder().setChainId(chainId).setMinProtocolVersion(min).setMaxProtocolVersion(max)
                .setNodeAddress(address).build();
    }

    @Test
    void acceptsSameChainOverlappingVersionsAndProvenAddress() {
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 2, 4, PEER), PEER)).isEmpty();
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 4, 9, PEER), PEER)).isEmpty();
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 1, 2, PEER), PEER)).isEmpty();
    }

    @Test
    void rejectsAnotherChain() {
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(8, 2, 4, PEER), PEER))
                .hasValueSatisfying(reason -> assertThat(reason).contains("chain 8").contains("chain 7"));
    }

    @Test
    void rejectsDisjointOrEmptyVersionRanges() {
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 5, 6, PEER), PEER))
                .hasValueSatisfying(reason -> assertThat(reason).contains("[5, 6]").contains("[2, 4]"));
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 0, 1, PEER), PEER)).isPresent();
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 4, 3, PEER), PEER))
                .hasValueSatisfying(reason -> assertThat(reason).contains("empty range"));
    }

    @Test
    void rejectsAnAddressOtherThanTheTlsIdentity() {
        assertThat(HelloCheck.rejectionReason(LOCAL, hello(7, 2, 4, TestKeys.address(3)), PEER))
                .hasValueSatisfying(reason -> assertThat(reason).contains(TestKeys.address(3)).contains(PEER));
    }
}
