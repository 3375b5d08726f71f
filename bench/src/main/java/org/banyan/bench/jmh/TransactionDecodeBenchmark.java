package org.banyan.bench.jmh;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a submitted payment: {@code protobufParse} is the bare protobuf decode of the blob;
 * {@code admissionDecode} is everything the node does once per transaction before state is consulted
 * (limits, parse, hash, key parse, Ed25519 verify, signer address). Workload: one signed PAY_COIN.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TransactionDecodeBenchmark {

    private byte[] blob;
    private List<Signature> signatures;

    @Setup
    public void signPayment() {
        final PrivateKey source = PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256("source".getBytes(StandardCharsets.UTF_8)));
        final PrivateKey dest = PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256("dest".getBytes(StandardCharsets.UTF_8)));
        blob = Transaction.newBuilder()
            .setSourceAddress(source.publicKey().address().toString())
            .setNonce(1).setFeeLimit(1_000_000).setGasPrice(100)
            .addOperations(Operation.newBuilder().setType(Operation.Type.PAY_COIN)
                .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(dest.publicKey().address().toString()).setAmount(1)))
            .build().toByteArray();
        signatures = List.of(Signature.newBuilder().setPublicKey(source.publicKey().encoded())
            .setSignData(ByteString.copyFrom(source.sign(blob))).build());
    }

    @Benchmark
    public Transaction protobufParse() throws InvalidProtocolBufferException {
        return Transaction.parseFrom(blob);
    }

    @Benchmark
    public Outcome<VerifiedTransaction> admissionDecode() {
        return TransactionDecoder.decode(blob, signatures);
    }
}
