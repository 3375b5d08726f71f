package org.banyan.chaingroup;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.consensus.SignBytes;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.ClosedLedger;
import org.banyan.ledger.FeeSchedule;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.LedgerHashes;
import org.banyan.ledger.Outcome;
import org.banyan.ledger.SystemContracts;
import org.banyan.ledger.TransactionDecoder;
import org.banyan.ledger.Validator;
import org.banyan.ledger.VerifiedTransaction;
import org.banyan.protocol.Account;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationPayCoin;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.chaingroup.ValidatorEntry;
import org.banyan.protocol.consensus.BlockHeader;
import org.banyan.protocol.consensus.CommitCertificate;
import org.banyan.protocol.consensus.Vote;
import org.banyan.protocol.consensus.VoteType;
import org.banyan.store.MemoryStore;

/**
 * A real ledger on the memory store with the chain-group contracts its genesis rules call for, real keys, and real
 * certified headers of its own ledgers: block headers that commit to ledger H - 1, signed as precommits by the keys
 * of the chain's validators with consensus's sign bytes.
 */
final class TestChain {

    static final long BALANCE = 1_000_000_000_000L;
    private static final long GAS_PRICE = 10;
    private static final long FEE_LIMIT = 10_000_000;
    private static final byte[] BLOCK_HEADER_TAG = "banyan/block-header/v1".getBytes(StandardCharsets.US_ASCII);

    /** What happened to one sent transaction. */
    record Sent(boolean included, int code, String message, long seq) {
        boolean succeeded() {
            return included && code == 0;
        }
    }

    final Genesis genesis;
    final Ledger ledger;
    final List<PrivateKey> validatorKeys;
    final Optional<String> acCode;
    private long closeTimeMicros = 1_700_000_000_000_000L;

    TestChain(final long chainId, final List<PrivateKey> validatorKeys, final PrivateKey governance,
              final List<PrivateKey> funded, final Optional<String> acCode, final Map<String, String> rules) {
        this.validatorKeys = List.copyOf(validatorKeys);
        this.acCode = acCode;
        final List<GenesisAccount> accounts = new ArrayList<>();
        accounts.add(new GenesisAccount(address(governance), BALANCE));
        funded.forEach(key -> accounts.add(new GenesisAccount(address(key), BALANCE)));
        this.genesis = new Genesis(chainId, false, closeTimeMicros, address(governance), accounts,
            validatorKeys.stream().map(key -> new Validator(key.publicKey().encoded(), 1)).toList(),
            new FeeSchedule(1, 0)).withRules(rules);
        this.ledger = Ledger.open(new MemoryStore(), genesis,
            ChainGroupContracts.register(SystemContracts.builtIn(), genesis));
    }

    /** A main chain of {@code genesis} routing calls to {@code contracts}, signing with ledger-independent keys. */
    TestChain(final Genesis genesis, final SystemContracts contracts) {
        this.genesis = genesis;
        this.validatorKeys = List.of();
        this.acCode = Optional.empty();
        this.ledger = Ledger.open(new MemoryStore(), genesis, contracts);
    }

    static PrivateKey key(final String name) {
        return PrivateKey.fromRaw(KeyType.ED25519, Hashes.sha256(("chaingroup-test/" + name).getBytes(StandardCharsets.UTF_8)));
    }

    /** The key's account on this chain: with the chain's AC code on a sub-chain. */
    String address(final PrivateKey key) {
        return acCode.map(ac -> key.publicKey().address(ac)).orElseGet(key.publicKey()::address).toString();
    }

    static Operation call(final String contract, final String method, final String params) {
        return Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(OperationPayCoin.newBuilder()
            .setDestAddress(contract).setAmount(0)
            .setInput("{\"method\":\"" + method + "\",\"params\":" + params + "}")).build();
    }

    static Operation pay(final String destination, final long amount) {
        return Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(OperationPayCoin.newBuilder()
            .setDestAddress(destination).setAmount(amount)).build();
    }

    /** Sends one transaction from {@code key}'s account with {@code operations}, in a ledger of its own. */
    Sent send(final PrivateKey key, final Operation... operations) {
        final String source = address(key);
        final Transaction transaction = Transaction.newBuilder().setSourceAddress(source)
            .setNonce(ledger.account(source).map(Account::getNonce).orElse(0L) + 1)
            .setFeeLimit(FEE_LIMIT).setGasPrice(GAS_PRICE).setChainId(genesis.chainId())
            .addAllOperations(List.of(operations)).build();
        final byte[] blob = transaction.toByteArray();
        final Signature signature = Signature.newBuilder().setPublicKey(key.publicKey().encoded())
            .setSignData(ByteString.copyFrom(key.sign(blob))).build();
        final VerifiedTransaction verified = TransactionDecoder.decode(blob, List.of(signature)).value();
        final ClosedLedger closed = close(verified);
        if (!closed.rejected().isEmpty()) {
            return new Sent(false, closed.rejected().get(0).error().number(), closed.rejected().get(0).error().message(),
                closed.header().getSeq());
        }
        final TransactionEnvStore result = closed.results().get(0);
        return new Sent(true, result.getErrorCode(), result.getErrorDesc(), result.getLedgerSeq());
    }

    Sent call(final PrivateKey key, final String contract, final String method, final String params) {
        return send(key, call(contract, method, params));
    }

    /** A call whose input is {@code input} as it is. */
    Sent call(final PrivateKey key, final String contract, final String input) {
        return send(key, Operation.newBuilder().setType(Operation.Type.PAY_COIN).setPayCoin(OperationPayCoin.newBuilder()
            .setDestAddress(contract).setAmount(0).setInput(input)).build());
    }

    Outcome<String> query(final String contract, final String method, final String params) {
        return ledger.query(contract, "{\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    ClosedLedger close(final VerifiedTransaction... transactions) {
        closeTimeMicros += 1_000_000;
        return ledger.close(List.of(transactions), closeTimeMicros);
    }

    /** The block header of height {@code height}, which ledger {@code height} executed, committing to ledger H - 1. */
    BlockHeader blockHeader(final long height) {
        final LedgerHeader previous = ledger.header(height - 1).orElseThrow();
        final LedgerHeader executed = ledger.header(height).orElseThrow();
        return BlockHeader.newBuilder().setHeight(height).setCloseTime(executed.getCloseTime())
            .setPreviousHash(ByteString.copyFrom(Hashes.sha256(previous.getHash().toByteArray())))
            .setTransactionsRoot(ByteString.copyFrom(Hashes.sha256(new byte[0])))
            .setValidatorsHash(ByteString.copyFrom(LedgerHashes.validatorsHash(ledger.validators(height))))
            .setNextValidatorsHash(ByteString.copyFrom(LedgerHashes.validatorsHash(ledger.validators(height + 1))))
            .setProposer(validatorKeys.get(0).publicKey().address().toString())
            .setPreviousLedgerHash(previous.getHash())
            .build();
    }

    /** Height {@code height} certified by every validator key. */
    CertifiedHeader certified(final long height) {
        return certified(blockHeader(height), validatorKeys);
    }

    /** {@code header} certified by {@code signers}, with the previous ledger and next set it names. */
    CertifiedHeader certified(final BlockHeader header, final List<PrivateKey> signers) {
        final CertifiedHeader.Builder certified = CertifiedHeader.newBuilder().setHeader(header)
            .setCertificate(certificate(genesis.chainId(), header, signers))
            .setPreviousLedger(ledger.header(header.getHeight() - 1).orElseThrow());
        if (!header.getNextValidatorsHash().equals(header.getValidatorsHash())) {
            ledger.validators(header.getHeight() + 1).forEach(validator -> certified.addNextValidators(
                ValidatorEntry.newBuilder().setPublicKey(validator.publicKey()).setPower(validator.power())));
        }
        return certified.build();
    }

    static CommitCertificate certificate(final long chainId, final BlockHeader header, final List<PrivateKey> signers) {
        final ByteString blockId = ByteString.copyFrom(Hashes.sha256(BLOCK_HEADER_TAG, header.toByteArray()));
        final CommitCertificate.Builder certificate = CommitCertificate.newBuilder().setHeight(header.getHeight())
            .setRound(0).setBlockId(blockId);
        for (final PrivateKey signer : signers) {
            final Vote unsigned = Vote.newBuilder().setHeight(header.getHeight()).setRound(0)
                .setType(VoteType.PRECOMMIT).setBlockId(blockId).setValidator(signer.publicKey().address().toString())
                .build();
            certificate.addPrecommits(unsigned.toBuilder()
                .setSignature(ByteString.copyFrom(signer.sign(SignBytes.of(chainId, unsigned)))));
        }
        return certificate.build();
    }

    static String base64(final CertifiedHeader certified) {
        return java.util.Base64.getEncoder().encodeToString(certified.toByteArray());
    }
}
