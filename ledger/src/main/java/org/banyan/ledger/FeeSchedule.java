package org.banyan.ledger;

/** Fee rules fixed at genesis: the lowest accepted gas price and the reserve every account keeps, in glowstone. */
public record FeeSchedule(long minGasPrice, long baseReserve) {

    public FeeSchedule {
        if (minGasPrice < 0 || baseReserve < 0) {
            throw new IllegalArgumentException("fees must not be negative");
        }
    }
}
