package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.Validator;
import org.banyan.ledger.ValidatorSetContract;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.consensus.SignedTransaction;

/**
 * Clients paying each other with real, signed BIF payment transactions, and the governance account calling the
 * validator-set contract. Each account numbers its transactions (nonces) in order, and a client sends a transaction
 * again, to another node, while it is not committed: a lost one would otherwise block every later nonce. The checker
 * knows every transaction ever submitted, so a committed one that was not is caught.
 */
final class Workload {

    /** Clients sending payments. */
    static final int CLIENTS = 6;

    /** Starting balance of each account, in glowstone: far more than a run can spend on fees. */
    static final long CLIENT_BALANCE = 1_000_000_000_000L;

    /** Mean virtual time between two submissions: about ten transactions a second. */
    static final long MEAN_INTERVAL_MICROS = 100_000;

    /** A transaction not committed this long after it was sent is sent again. */
    static final long RESUBMIT_AFTER_MICROS = 1_000_000;

    /** Uncommitted transactions a client keeps resending; older ones are given up. */
    static final int MAX_PENDING = 2_000;

    private static final long FEE_LIMIT = 1_000_000;

    /**
     * The simulated chain charges no fees ({@link #MIN_GAS_PRICE} 0). Splitting fees makes the ledger parse every
     * validator's public key again on each block, which would take a third of a run's time.
     */
    private static final long GAS_PRICE = 0;

    /** The genesis minimum gas price that lets {@link #GAS_PRICE} through. */
    static final long MIN_GAS_PRICE = 0;

    private final long chainId;
    private final List<PrivateKey> clients;
    private final PrivateKey governance;
    private final Map<String, Long> nonces = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final Set<ByteString> submitted = new HashSet<>();
    private final Map<ByteString, Pending> pending = new LinkedHashMap<>();

    /** A transaction sent and not yet seen committed. */
    private record Pending(SignedTransaction transaction, long sentMicros) {
    }

    Workload(final long chainId, final long seed, final SplittableRandom random) {
        this.chainId = chainId;
        this.clients = IntStream.range(0, CLIENTS).mapToObj(index -> derivedKey(seed, index)).toList();
        this.governance = derivedKey(seed, CLIENTS);
        this.random = random;
    }

    /** Every account funded at genesis: the clients, then the governance account. */
    List<PrivateKey> accounts() {
        final List<PrivateKey> accounts = new ArrayList<>(clients);
        accounts.add(governance);
        return accounts;
    }

    String governanceAddress() {
        return address(governance);
    }

    /** The next payment, signed by its client. */
    SignedTransaction nextPayment(final long nowMicros) {
        final int from = random.nextInt(CLIENTS);
        final int to = (from + 1 + random.nextInt(CLIENTS - 1)) % CLIENTS;
        return sign(clients.get(from), OperationPayCoin.newBuilder().setDestAddress(address(clients.get(to)))
                .setAmount(1 + random.nextInt(1000)).build(), nowMicros);
    }

    /** A call of the validator-set contract asking for {@code validators}, signed by the governance account. */
    SignedTransaction nextGovernanceCall(final List<Validator> validators, final long nowMicros) {
        final StringBuilder input = new StringBuilder("{\"method\":\"setValidators\",\"params\":{\"validators\":[");
        for (int index = 0; index < validators.size(); index++) {
            input.append(index == 0 ? "" : ",").append("{\"public_key\":\"").append(validators.get(index).publicKey())
                    .append("\",\"power\":").append(validators.get(index).power()).append('}');
        }
        input.append("]}}");
        return sign(governance, OperationPayCoin.newBuilder().setDestAddress(ValidatorSetContract.ADDRESS).setAmount(0)
                .setInput(input.toString()).build(), nowMicros);
    }

    /** The transaction longest without an answer, if it is due to be sent again; committed ones are forgotten. */
    Optional<SignedTransaction> dueForResubmission(final long nowMicros, final Predicate<ByteString> committed) {
        pending.keySet().removeIf(committed);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        final Map.Entry<ByteString, Pending> oldest = pending.entrySet().iterator().next();
        if (oldest.getValue().sentMicros() + RESUBMIT_AFTER_MICROS > nowMicros) {
            return Optional.empty();
        }
        // Re-inserted at the end, so that the map stays ordered by the time each was last sent.
        pending.remove(oldest.getKey());
        pending.put(oldest.getKey(), new Pending(oldest.getValue().transaction(), nowMicros));
        return Optional.of(oldest.getValue().transaction());
    }

    /** The node a client sends its next transaction to, uniformly among {@code nodeCount}. */
    int nextNode(final int nodeCount) {
        return random.nextInt(nodeCount);
    }

    /** Delay until the next submission, exponentially distributed. */
    long nextIntervalMicros() {
        return (long) (-Math.log(1 - random.nextDouble()) * MEAN_INTERVAL_MICROS);
    }

    /** Whether a transaction hash (SHA-256 of its blob) was submitted by a client. */
    boolean wasSubmitted(final ByteString hash) {
        return submitted.contains(hash);
    }

    static String address(final PrivateKey key) {
        return key.publicKey().address().toString();
    }

    private SignedTransaction sign(final PrivateKey source, final OperationPayCoin payment, final long nowMicros) {
        final Transaction transaction = Transaction.newBuilder()
                .setSourceAddress(address(source))
                .setNonce(nonces.merge(address(source), 1L, Long::sum))
                .setFeeLimit(FEE_LIMIT)
                .setGasPrice(GAS_PRICE)
                .setChainId(chainId)
                .addOperations(Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(payment))
                .build();
        final byte[] blob = transaction.toByteArray();
        final ByteString hash = ByteString.copyFrom(Hashes.sha256(blob));
        submitted.add(hash);
        final SignedTransaction envelope = SignedTransaction.newBuilder().setBlob(ByteString.copyFrom(blob)).addSignatures(
                Signature.newBuilder().setPublicKey(source.publicKey().encoded())
                        .setSignData(ByteString.copyFrom(source.sign(blob)))).build();
        if (pending.size() >= MAX_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        pending.put(hash, new Pending(envelope, nowMicros));
        return envelope;
    }

    private static PrivateKey derivedKey(final long seed, final int index) {
        final byte[] material = ByteBuffer.allocate(24).putLong(0x636c69656e74L).putLong(seed).putLong(index).array();
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(material));
    }
}
