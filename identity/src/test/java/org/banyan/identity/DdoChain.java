package org.banyan.identity;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.ddo.DdoCalls;
import org.banyan.identity.ddo.DdoContract;
import org.banyan.identity.registry.TrustedRegistryContract;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.SystemContracts;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.Validator;
import org.banyan.protocol.Account;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.store.MemoryStore;

/** A main-chain ledger on a memory store with the DDO contract registered, and helpers to call it. */
public final class DdoChain {

    /** Genesis close time: 2023-11-14T22:13:20Z. Each ledger closes one second later. */
    public static final long GENESIS_MICROS = 1_700_000_000_000_000L;

    /** The governance account's key, which also holds the supply. */
    public final PrivateKey governance = TestDocuments.key(1000);
    public final Ledger ledger;
    private final Genesis genesis;
    private long closeTimeMicros = GENESIS_MICROS;

    /** The main chain, with the DDO contract and the trusted registry. */
    public DdoChain() {
        this(DdoContract.mainChain());
    }

    /** A chain whose DDO contract is {@code ddo} (a sub-chain's, say), with the trusted registry. */
    public DdoChain(final DdoContract ddo) {
        final String address = TestDocuments.bid(governance);
        genesis = new Genesis(7, true, GENESIS_MICROS, address, List.of(new GenesisAccount(address, 1_000_000_000_000L)),
            List.of(new Validator(governance.publicKey().encoded(), 1)), new FeeSchedule(1, 0));
        ledger = Ledger.open(new MemoryStore(), genesis, SystemContracts.builtIn().with(ddo)
            .with(new TrustedRegistryContract()));
    }

    /** Gives {@code key}'s account coin to pay fees with. */
    public void fund(final PrivateKey key) {
        final TransactionEnvStore result = submit(governance, Operation.newBuilder().setType(Operation.Type.PAY_COIN)
            .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(TestDocuments.bid(key)).setAmount(10_000_000_000L))
            .build());
        if (result.getErrorCode() != 0) {
            throw new IllegalStateException(result.getErrorDesc());
        }
    }

    /** One transaction from {@code source} with one DDO call per input, closed in its own ledger. */
    public TransactionEnvStore call(final PrivateKey source, final String... inputs) {
        return callContract(DdoContract.ADDRESS, source, inputs);
    }

    /** One transaction from {@code source} with one call of the contract at {@code address} per input. */
    public TransactionEnvStore callContract(final String address, final PrivateKey source, final String... inputs) {
        final List<Operation> operations = new ArrayList<>();
        for (final String input : inputs) {
            operations.add(Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(OperationPayCoin.newBuilder()
                .setDestAddress(address).setAmount(0).setInput(input)).build());
        }
        return submit(source, operations.toArray(Operation[]::new));
    }

    /** The DDO result of a transaction: SUCCESS, or the code its error carries. */
    public static ResultCode resultOf(final TransactionEnvStore result) {
        if (result.getErrorCode() == 0) {
            return ResultCode.SUCCESS;
        }
        return ContractFailure.fromDescription(result.getErrorDesc()).map(BidError::code)
            .orElseThrow(() -> new AssertionError("not a DDO failure: " + result.getErrorCode() + " " + result.getErrorDesc()));
    }

    /** The stored record of a BID, through the contract's {@code resolve} query. */
    public Optional<BidRecord> record(final String bid) {
        final Outcome<String> outcome = ledger.query(DdoContract.ADDRESS, DdoCalls.resolve(bid));
        return outcome.isOk() ? Optional.of(BidRecord.parse(outcome.value()).value()) : Optional.empty();
    }

    /** The DDO account as committed: its metadata root changes with any stored record. */
    public Optional<Account> ddoAccount() {
        return ledger.account(DdoContract.ADDRESS);
    }

    /** The close time of the next ledger plus {@code seconds}, in the document time format. */
    public String nextCloseTimePlus(final long seconds) {
        return java.time.LocalDateTime.ofEpochSecond(closeTimeMicros / 1_000_000 + 1 + seconds, 0, java.time.ZoneOffset.UTC)
            .format(org.banyan.identity.document.BidDocumentCodec.TIME_FORMAT);
    }

    private TransactionEnvStore submit(final PrivateKey source, final Operation... operations) {
        final String address = TestDocuments.bid(source);
        final long nonce = ledger.account(address).map(Account::getNonce).orElse(0L) + 1;
        final Transaction.Builder transaction = Transaction.newBuilder().setSourceAddress(address).setNonce(nonce)
            .setFeeLimit(100_000_000).setGasPrice(1).setChainId(7);
        for (final Operation operation : operations) {
            transaction.addOperations(operation);
        }
        final byte[] blob = transaction.build().toByteArray();
        final Signature signature = Signature.newBuilder().setPublicKey(source.publicKey().encoded())
            .setSignData(ByteString.copyFrom(source.sign(blob))).build();
        closeTimeMicros += 1_000_000;
        final var closed = ledger.close(List.of(TransactionDecoder.decode(blob, List.of(signature)).value()), closeTimeMicros);
        if (closed.results().isEmpty()) {
            throw new IllegalStateException("the transaction was left out: " + closed.rejected().get(0).error());
        }
        return closed.results().get(0);
    }
}
