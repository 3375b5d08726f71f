package org.banyan.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.crypto.PublicKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature verification, the node's unavoidable per-transaction cost. Workload: a 200-byte message
 * (the size of a payment blob) signed once in setup; {@code verify} reuses the parsed key,
 * {@code parseAndVerify} parses the encoded key first, as the node does per submitted signature.
 *
 * <p>Run: {@code java -cp bench/target/banyan-bench.jar org.openjdk.jmh.Main SignatureVerifyBenchmark}
 * (see docs/PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SignatureVerifyBenchmark {

    @Param({"ED25519", "SM2"})
    public KeyType keyType;

    private PublicKey publicKey;
    private String encodedPublicKey;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void sign() {
        final PrivateKey key = PrivateKey.fromRaw(keyType, Hashes.sha256("bench".getBytes(StandardCharsets.UTF_8)));
        publicKey = key.publicKey();
        encodedPublicKey = publicKey.encoded();
        message = new byte[200];
        for (int index = 0; index < message.length; index++) {
            message[index] = (byte) index;
        }
        signature = key.sign(message);
    }

    @Benchmark
    public boolean verify() {
        return publicKey.verify(message, signature);
    }

    @Benchmark
    public boolean parseAndVerify() {
        return PublicKey.parse(encodedPublicKey).verify(message, signature);
    }
}
