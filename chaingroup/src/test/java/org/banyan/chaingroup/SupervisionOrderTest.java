package org.banyan.chaingroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

class SupervisionOrderTest {

    private static final String ACCOUNT = TestChain.key("u").publicKey().address("ab12").toString();

    @Test
    void ordersRoundTripThroughJson() {
        QuickTheory.qt().forAll(SourceDSL.longs().between(1, Long.MAX_VALUE),
                SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 40), SourceDSL.booleans().all())
            .checkAssert((n, reason, freeze) -> {
                final SupervisionOrder order = new SupervisionOrder("ab12", n,
                    freeze ? OrderKind.FREEZE_ACCOUNT : OrderKind.UNFREEZE_ACCOUNT, ACCOUNT, reason, 9);
                assertThat(SupervisionOrder.fromJson(order.toJson())).contains(order);
            });
    }

    @Test
    void malformedOrdersAreNotOrders() {
        final String valid = new SupervisionOrder("ab12", 1, OrderKind.FREEZE_ACCOUNT, ACCOUNT, "r", 9).toJson();
        assertThat(SupervisionOrder.fromJson(valid)).isPresent();

        assertThat(SupervisionOrder.fromJson("not json")).isEmpty();
        assertThat(SupervisionOrder.fromJson("[]")).isEmpty();
        assertThat(SupervisionOrder.fromJson(valid.replace("\"n\":1", "\"n\":0"))).isEmpty();
        assertThat(SupervisionOrder.fromJson(valid.replace("\"ab12\"", "\"AB12\""))).isEmpty();
        assertThat(SupervisionOrder.fromJson(valid.replace("freeze_account", "seize_account"))).isEmpty();
        assertThat(SupervisionOrder.fromJson(valid.replace(ACCOUNT, "nobody"))).isEmpty();
        assertThat(SupervisionOrder.fromJson(valid.replace("}", ",\"extra\":1}"))).isEmpty();
        assertThat(SupervisionOrder.fromJson(valid.replace("\"reason\":\"r\",", ""))).isEmpty();
    }
}
