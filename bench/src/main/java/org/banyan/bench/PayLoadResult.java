package org.banyan.bench;

import java.util.Locale;

/**
 * What a load-generator run measured. {@code verifyPerSecondOneCore} is this machine's Ed25519 verify
 * rate on one core, measured in the same run, so the throughput can be read as a fraction of the
 * two-core signature limit ({@code 2 × verifyPerSecondOneCore}).
 */
public record PayLoadResult(long committed, long failed, double seconds, double transactionsPerSecond,
                            double p50Millis, double p99Millis, double verifyPerSecondOneCore) {

    /** Throughput as a fraction of what two cores could verify if they did nothing else. */
    public double ratioToTwoCoreVerifyLimit() {
        return transactionsPerSecond / (2 * verifyPerSecondOneCore);
    }

    /** The one JSON line the run ends with; the first four fields are the ones the issue names. */
    public String toJson() {
        return String.format(Locale.ROOT,
            "{\"tps\":%.1f,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"verify_per_s_one_core\":%.1f,"
                + "\"committed\":%d,\"failed\":%d,\"seconds\":%.3f,\"ratio_to_two_core_verify_limit\":%.3f}",
            transactionsPerSecond, p50Millis, p99Millis, verifyPerSecondOneCore, committed, failed, seconds,
            ratioToTwoCoreVerifyLimit());
    }
}
