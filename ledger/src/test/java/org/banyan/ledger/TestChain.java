package org.banyan.ledger;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.protocol.Account;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.store.MemoryStore;

/** A ledger on a memory store with deterministic keys, plus helpers to sign and close transactions. */
final class TestChain {

    static final long GENESIS_BALANCE = 1_000_000_000_000L;
    static final long CHAIN_ID = 7;
    static final long GAS_PRICE = 100;
    static final long FEE_LIMIT = 1_000_000;

    final MemoryStore store;
    final Genesis genesis;
    final PrivateKey genesisKey;
    final Ledger ledger;
    private long closeTimeMicros = 1_700_000_000_000_000L;

    TestChain() {
        this(new MemoryStore(), 0);
    }

    TestChain(final MemoryStore store, final long baseReserve) {
        this(store, baseReserve, SystemContracts.builtIn());
    }

    /** A chain whose ledger routes calls to {@code contracts}. */
    TestChain(final SystemContracts contracts) {
        this(new MemoryStore(), 0, contracts);
    }

    private TestChain(final MemoryStore store, final long baseReserve, final SystemContracts contracts) {
        this.store = store;
        this.genesisKey = key(0);
        final String address = genesisKey.publicKey().address().toString();
        this.genesis = new Genesis(CHAIN_ID, true, closeTimeMicros, address,
            List.of(new GenesisAccount(address, GENESIS_BALANCE)), List.of(new Validator(genesisKey.publicKey().encoded(), 1)),
            new FeeSchedule(1, baseReserve));
        this.ledger = Ledger.open(store, genesis, contracts);
    }

    static PrivateKey key(final int index) {
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(("test-key-" + index).getBytes(StandardCharsets.UTF_8)));
    }

    static String address(final PrivateKey key) {
        return key.publicKey().address().toString();
    }

    String genesisAddress() {
        return address(genesisKey);
    }

    long nonceOf(final String address) {
        return ledger.account(address).map(Account::getNonce).orElse(0L);
    }

    long balanceOf(final String address) {
        return ledger.account(address).map(Account::getBalance).orElse(0L);
    }

    /** A transaction from {@code source}'s key with the next nonce and standard fees, customised by {@code edit}. */
    Transaction.Builder transaction(final PrivateKey source, final Consumer<Transaction.Builder> edit) {
        final Transaction.Builder builder = Transaction.newBuilder()
            .setSourceAddress(address(source))
            .setNonce(nonceOf(address(source)) + 1)
            .setFeeLimit(FEE_LIMIT)
            .setGasPrice(GAS_PRICE)
            .setChainId(CHAIN_ID);
        edit.accept(builder);
        return builder;
    }

    /** A system contract call: PAY_COIN of {@code amount} to {@code contract} with {@code input}. */
    static Operation call(final String contract, final long amount, final String input) {
        return Operation.newBuilder().setType(Operation.Type.PAY_COIN)
            .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(contract).setAmount(amount).setInput(input)).build();
    }

    static Operation pay(final String dest, final long amount) {
        return Operation.newBuilder().setType(Operation.Type.PAY_COIN)
            .setPayCoin(OperationPayCoin.newBuilder().setDestAddress(dest).setAmount(amount)).build();
    }

    static List<Signature> sign(final byte[] blob, final PrivateKey... signers) {
        final List<Signature> signatures = new ArrayList<>();
        for (final PrivateKey signer : signers) {
            signatures.add(Signature.newBuilder().setPublicKey(signer.publicKey().encoded())
                .setSignData(ByteString.copyFrom(signer.sign(blob))).build());
        }
        return signatures;
    }

    static VerifiedTransaction verified(final Transaction transaction, final PrivateKey... signers) {
        final byte[] blob = transaction.toByteArray();
        return TransactionDecoder.decode(blob, sign(blob, signers)).value();
    }

    ClosedLedger close(final VerifiedTransaction... transactions) {
        closeTimeMicros += 1_000_000;
        return ledger.close(Arrays.asList(transactions), closeTimeMicros);
    }

    /** Signs with {@code signers} (the genesis key when none given), then closes a ledger holding just it. */
    ClosedLedger submit(final Transaction.Builder transaction, final PrivateKey... signers) {
        return close(verified(transaction.build(), signers.length == 0 ? new PrivateKey[] {genesisKey} : signers));
    }
}
