package org.banyan.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.banyan.protocol.Account;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.ERRORCODE;
import org.banyan.protocol.KeyPair;
import org.banyan.protocol.LedgerHeader;
import org.banyan.protocol.Signature;
import org.banyan.protocol.Transaction;
import org.banyan.protocol.TransactionEnv;
import org.banyan.protocol.TransactionEnvStore;
import org.banyan.protocol.consensus.CommittedBlock;
import org.banyan.protocol.ledger.ValidatorRecord;
import org.banyan.protocol.ledger.ValidatorSetRecord;
import org.banyan.store.KeyValueStore;
import org.banyan.store.WriteBatch;
import org.banyan.trie.NodeCache;
import org.banyan.trie.NodeReader;
import org.banyan.trie.SparseMerkleTree;
import org.banyan.trie.StateProof;

/**
 * The chain state over a key-value store: accounts, ledger headers, stored transactions and the state
 * tree. {@link #close} is the only writer and must be called by one thread at a time; every query is
 * thread-safe and may run while a close is in progress, seeing the state before or after it, never half.
 *
 * <p>A close writes one atomic, synced batch (accounts, metadata, tree nodes, transaction records,
 * header, last seq), so a crash at any instant leaves the store at the previous ledger or the new one.
 */
public final class Ledger {

    /** BIF ledger version reported in headers. */
    public static final long LEDGER_VERSION = 1000;

    private final KeyValueStore store;
    private final Genesis genesis;
    private final SystemContracts contracts;
    private final CommittedState committed;
    private final NodeReader storedNodes;
    private final NodeCache nodeCache;
    /** Every validator set by the seq it takes effect at; written only by the closing thread. */
    private final ConcurrentSkipListMap<Long, List<Validator>> validatorSets = new ConcurrentSkipListMap<>();
    private volatile LedgerHeader lastHeader;

    private Ledger(final KeyValueStore store, final Genesis genesis, final SystemContracts contracts) {
        this.store = store;
        this.genesis = genesis;
        this.contracts = contracts;
        this.committed = new CommittedState(store);
        this.storedNodes = hash -> store.get(StateKeys.trieNode(hash));
        this.nodeCache = new NodeCache(storedNodes, Limits.TRIE_NODE_CACHE_ENTRIES);
    }

    /**
     * Opens the ledger in {@code store}: writes the genesis ledger (seq 1) into an empty store, otherwise
     * resumes from the last committed ledger after checking that the store holds this genesis.
     */
    public static Ledger open(final KeyValueStore store, final Genesis genesis) {
        return open(store, genesis, SystemContracts.builtIn());
    }

    /**
     * Like {@link #open(KeyValueStore, Genesis)}, routing calls to {@code contracts}, which must include the built-in
     * ones (start from {@link SystemContracts#builtIn()}). Every node of a chain must register the same contracts.
     */
    public static Ledger open(final KeyValueStore store, final Genesis genesis, final SystemContracts contracts) {
        Verify.that(contracts.find(ValidatorSetContract.ADDRESS).isPresent(),
            "the system contracts must include the built-in validator-set contract");
        final Ledger ledger = new Ledger(store, genesis, contracts);
        final Optional<byte[]> lastSeq = store.get(StateKeys.LAST_SEQ);
        if (lastSeq.isEmpty()) {
            ledger.writeGenesis();
        } else {
            ledger.loadValidatorSets();
            ledger.lastHeader = ledger.header(StateKeys.decodeLong(lastSeq.get()))
                .orElseThrow(() -> new IllegalStateException("the store names a last ledger that it does not hold"));
            final LedgerHeader storedGenesis = ledger.header(1).orElseThrow(
                () -> new IllegalStateException("the store has no genesis ledger"));
            final LedgerHeader expectedGenesis = ledger.genesisHeader(new WriteBatch());
            if (!storedGenesis.getHash().equals(expectedGenesis.getHash())) {
                throw new IllegalStateException("the data directory holds a different chain: its genesis ledger hash is "
                    + org.banyan.crypto.Hex.encode(storedGenesis.getHash().toByteArray()) + ", but the genesis config gives "
                    + org.banyan.crypto.Hex.encode(expectedGenesis.getHash().toByteArray()));
            }
        }
        return ledger;
    }

    public LedgerHeader lastHeader() {
        return lastHeader;
    }

    /**
     * The validators of ledger {@code seq}: the genesis set, or the last set a governance call made effective at or
     * before {@code seq}. Known up to two ledgers ahead of the last committed one.
     */
    public List<Validator> validators(final long seq) {
        final java.util.Map.Entry<Long, List<Validator>> entry = validatorSets.floorEntry(seq);
        Verify.that(entry != null, "no validator set is known for ledger " + seq);
        return entry.getValue();
    }

    /** The consensus block and commit certificate stored with ledger {@code seq}, if consensus produced it. */
    public Optional<CommittedBlock> committedBlock(final long seq) {
        return store.get(StateKeys.committedBlock(seq))
            .map(bytes -> parse(() -> CommittedBlock.parseFrom(bytes), "committed block"));
    }

    /** The system contracts this ledger routes calls to. */
    public SystemContracts systemContracts() {
        return contracts;
    }

    /**
     * Runs a read-only query of the system contract at {@code contractAddress} against the last committed ledger (BIF's
     * {@code callContract}), e.g. the DDO contract's {@code queryBid}. Thread-safe, and may run during a close: each read
     * sees the committed state before or after that close, never half of it.
     */
    public Outcome<String> query(final String contractAddress, final String input) {
        final Optional<SystemContract> contract = contracts.find(contractAddress);
        if (contract.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "there is no system contract at " + contractAddress);
        }
        final int inputBytes = TransactionShape.utf8Length(input);
        if (inputBytes > Limits.MAX_QUERY_INPUT_BYTES) {
            return Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER, "a query input is at most "
                + Limits.MAX_QUERY_INPUT_BYTES + " bytes, was " + inputBytes);
        }
        final LedgerHeader last = lastHeader;
        return contract.get().query(new StateQueryContext(committed, contractAddress, input, last.getSeq(),
            last.getCloseTime(), genesis, validators(last.getSeq()), validatorSets.lastEntry().getValue()));
    }

    private ExecutionContext executionContext(final long seq, final long closeTimeMicros) {
        return new ExecutionContext(seq, closeTimeMicros, genesis, contracts, validators(seq),
            validatorSets.lastEntry().getValue());
    }

    public long chainId() {
        return genesis.chainId();
    }

    public Genesis genesis() {
        return genesis;
    }

    public Optional<LedgerHeader> header(final long seq) {
        return store.get(StateKeys.header(seq)).map(bytes -> parse(() -> LedgerHeader.parseFrom(bytes), "ledger header"));
    }

    public Optional<Account> account(final String address) {
        return committed.account(address);
    }

    public Optional<KeyPair> metadata(final String address, final String key) {
        return committed.metadata(address, key);
    }

    /** All metadata of an account, in key order, up to {@link Limits#MAX_METADATA_LISTED} entries. */
    public List<KeyPair> metadata(final String address) {
        final List<KeyPair> entries = new ArrayList<>();
        final byte[] prefix = StateKeys.metadataPrefix(address);
        store.scan(prefix, prefix, Limits.MAX_METADATA_LISTED, (key, value) -> entries.add(CommittedState.parseKeyPair(value)));
        return entries;
    }

    public Optional<TransactionEnvStore> transaction(final byte[] hash) {
        return store.get(StateKeys.transaction(hash)).map(Ledger::parseRecord);
    }

    /** The transactions of one ledger, in execution order. */
    public List<TransactionEnvStore> transactions(final long ledgerSeq) {
        final List<TransactionEnvStore> records = new ArrayList<>();
        final byte[] prefix = StateKeys.ledgerTransactionsPrefix(ledgerSeq);
        store.scan(prefix, prefix, Integer.MAX_VALUE, (key, hash) -> {
            records.add(transaction(hash).orElseThrow(() -> new IllegalStateException("ledger index names a missing transaction")));
            return true;
        });
        return records;
    }

    /** The account as of ledger {@code seq} (or its absence), with a proof against that header. */
    public Optional<AccountProof> accountProof(final String address, final long seq) {
        return header(seq).map(header -> {
            final byte[] root = header.getAccountTreeHash().toByteArray();
            final byte[] key = LedgerHashes.accountKey(address);
            final StateProof proof = SparseMerkleTree.prove(storedNodes, root, key);
            final Optional<byte[]> blob = SparseMerkleTree.get(storedNodes, root, key)
                .map(valueHash -> store.get(StateKeys.accountVersion(valueHash))
                    .orElseThrow(() -> new IllegalStateException("the state tree names a missing account version")));
            return new AccountProof(header, blob.map(CommittedState::parseAccount), blob, proof);
        });
    }

    /**
     * The metadata entry {@code key} of the account at {@code address} as of ledger {@code seq}, with the parts that
     * prove it against that ledger's {@code account_tree_hash}: the account blob and its proof in the account tree,
     * then the entry and its proof in the account's metadata tree (whose root is the account's
     * {@code metadatas_hash}). Only the current version of an entry is stored, so an entry rewritten after
     * {@code seq} cannot be proven at {@code seq}; write-once entries (supervision orders, anchors) always can.
     */
    public Outcome<MetadataEntryProof> entryProof(final String address, final String key, final long seq) {
        final Optional<AccountProof> accountProof = accountProof(address, seq);
        if (accountProof.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "ledger " + seq + " is not in this ledger's store");
        }
        if (accountProof.get().account().isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "account " + address + " does not exist in ledger " + seq);
        }
        final Account account = accountProof.get().account().get();
        final byte[] metadataRoot = account.getMetadatasHash().isEmpty()
            ? SparseMerkleTree.emptyRoot() : account.getMetadatasHash().toByteArray();
        final byte[] treeKey = LedgerHashes.metadataKey(key);
        final Optional<byte[]> valueHash = SparseMerkleTree.get(storedNodes, metadataRoot, treeKey);
        if (valueHash.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "account " + address + " has no metadata entry '" + key
                + "' in ledger " + seq);
        }
        final Optional<byte[]> entry = store.get(StateKeys.metadata(address, key))
            .filter(bytes -> java.util.Arrays.equals(org.banyan.crypto.Hashes.sha256(bytes), valueHash.get()));
        if (entry.isEmpty()) {
            return Outcome.failed(ERRORCODE.ERRCODE_NOT_EXIST, "the metadata entry '" + key + "' of " + address
                + " changed after ledger " + seq + ", and only its current version is stored");
        }
        return Outcome.ok(new MetadataEntryProof(accountProof.get().header(), accountProof.get().accountBlob().orElseThrow(),
            accountProof.get().proof().encode(), entry.get(),
            SparseMerkleTree.prove(storedNodes, metadataRoot, treeKey).encode()));
    }

    /**
     * Checks a transaction against committed state before it enters the mempool: chain id, expiry,
     * gas price, source account, a nonce not already used, fee limit and balance, and signer weight.
     * Returns the source account's committed nonce.
     */
    public Outcome<Long> admissionCheck(final VerifiedTransaction transaction) {
        final LedgerHeader last = lastHeader;
        final ExecutionContext context = executionContext(last.getSeq() + 1, last.getCloseTime());
        final Optional<LedgerError> error = TransactionExecutor.preconditions(committed, transaction.transaction(),
            transaction.sizeBytes(), transaction.signers(), context, TransactionExecutor.Mode.ADMISSION);
        if (error.isPresent()) {
            return Outcome.failed(error.get());
        }
        return Outcome.ok(committed.account(transaction.source()).orElseThrow().getNonce());
    }

    /**
     * Prices an unsigned transaction as {@code testTransaction} does: executes it on a scratch copy of
     * the committed state, without signature or nonce checks, as if it carried {@code signatureCount}
     * signatures. The quote is an upper bound: signatures are priced at the larger (SM2) key size and
     * fee_limit at its largest encoding, so a transaction that sets the quote as its fee_limit is
     * accepted. Nothing is written.
     */
    public Outcome<FeeEstimate> evaluateFee(final Transaction transaction, final int signatureCount) {
        if (transaction.getGasPrice() > 0 && transaction.getGasPrice() < genesis.fees().minGasPrice()) {
            return Outcome.failed(ERRORCODE.ERRCODE_FEE_INVALID, "gas_price " + transaction.getGasPrice()
                + " is below this chain's minimum " + genesis.fees().minGasPrice());
        }
        // Priced with the largest fee_limit encoding, so setting the quoted fee as fee_limit never makes the
        // transaction bigger than what was priced.
        final Transaction priced = transaction.toBuilder()
            .setGasPrice(transaction.getGasPrice() > 0 ? transaction.getGasPrice() : genesis.fees().minGasPrice())
            .setFeeLimit(Long.MAX_VALUE)
            .build();
        final Optional<LedgerError> shape = TransactionShape.check(priced);
        if (shape.isPresent()) {
            return Outcome.failed(shape.get());
        }
        final int sizeBytes = TransactionDecoder.envelopeSize(priced.toByteArray(),
            java.util.Collections.nCopies(Math.max(1, signatureCount), TYPICAL_SIGNATURE));
        final LedgerHeader last = lastHeader;
        final ExecutionContext context = executionContext(last.getSeq() + 1, last.getCloseTime());
        final TransactionExecutor.Execution execution = TransactionExecutor.execute(new StateOverlay(committed), priced,
            sizeBytes, java.util.Set.of(), context, TransactionExecutor.Mode.EVALUATION);
        if (execution instanceof TransactionExecutor.Excluded excluded) {
            return Outcome.failed(excluded.error());
        }
        final TransactionExecutor.Included included = (TransactionExecutor.Included) execution;
        if (included.error().isPresent()) {
            return Outcome.failed(included.error().get());
        }
        return Outcome.ok(new FeeEstimate(included.actualFee(), priced.getGasPrice(), included.actualFee(), sizeBytes));
    }

    /** The larger signature shape (an SM2 key is 65 bytes, Ed25519's 32), for pricing unsigned transactions. */
    private static final Signature TYPICAL_SIGNATURE = Signature.newBuilder()
        .setPublicKey("b07a66" + "00".repeat(65))
        .setSignData(ByteString.copyFrom(new byte[64]))
        .build();

    /**
     * Executes {@code transactions} in order on top of the last ledger and commits the result as the next
     * ledger in one atomic, synced write. {@code closeTimeMicros} must be after the last ledger's.
     */
    public ClosedLedger close(final List<VerifiedTransaction> transactions, final long closeTimeMicros) {
        return close(transactions, closeTimeMicros, Optional.empty());
    }

    /**
     * Like {@link #close(List, long)}, storing the consensus block and certificate that decided this ledger in the
     * same atomic write, so a ledger is never committed without the proof that it was agreed.
     */
    public synchronized ClosedLedger close(final List<VerifiedTransaction> transactions, final long closeTimeMicros,
                                           final Optional<CommittedBlock> decision) {
        final LedgerHeader previous = lastHeader;
        Verify.that(closeTimeMicros > previous.getCloseTime(), "close time must increase: " + closeTimeMicros
            + " is not after " + previous.getCloseTime());
        final long seq = previous.getSeq() + 1;
        final ExecutionContext context = executionContext(seq, closeTimeMicros);
        final StateOverlay block = new StateOverlay(committed.forClose());
        final WriteBatch batch = new WriteBatch();
        final List<TransactionEnvStore> results = new ArrayList<>(transactions.size());
        final List<Rejected> rejected = new ArrayList<>();
        final List<byte[]> includedHashes = new ArrayList<>(transactions.size());
        long fees = 0;
        for (final VerifiedTransaction transaction : transactions) {
            final TransactionExecutor.Execution execution = TransactionExecutor.execute(block, transaction.transaction(),
                transaction.sizeBytes(), transaction.signers(), context, TransactionExecutor.Mode.CLOSE);
            if (execution instanceof TransactionExecutor.Excluded excluded) {
                rejected.add(new Rejected(transaction, excluded.error()));
                continue;
            }
            final TransactionExecutor.Included included = (TransactionExecutor.Included) execution;
            fees = Math.addExact(fees, included.actualFee());
            final TransactionEnvStore result = resultView(transaction, included, seq, closeTimeMicros);
            batch.put(StateKeys.transaction(transaction.hashUnsafe()), encodeRecord(transaction, result));
            batch.put(StateKeys.ledgerTransaction(seq, includedHashes.size()), transaction.hashUnsafe());
            includedHashes.add(transaction.hashUnsafe());
            results.add(result);
        }
        final List<Validator> validators = validators(seq);
        distributeFees(block, fees, validators);
        final Optional<List<Validator>> nextSet = block.pendingValidators();
        nextSet.ifPresent(set -> batch.put(StateKeys.validatorSet(seq + ValidatorSetContract.ACTIVATION_DELAY),
            validatorSetRecord(seq + ValidatorSetContract.ACTIVATION_DELAY, set).toByteArray()));
        decision.ifPresent(committed -> batch.put(StateKeys.committedBlock(seq), committed.toByteArray()));
        final StateCommitter.Result state = StateCommitter.commit(block, previous.getAccountTreeHash().toByteArray(),
            nodeCache, batch);
        final LedgerHeader header = sealHeader(LedgerHeader.newBuilder()
            .setSeq(seq)
            .setPreviousHash(previous.getHash())
            .setAccountTreeHash(ByteString.copyFrom(state.accountTreeRoot()))
            .setCloseTime(closeTimeMicros)
            .setConsensusValueHash(ByteString.copyFrom(
                LedgerHashes.consensusValueHash(seq, closeTimeMicros, previous.getHash().toByteArray(), includedHashes)))
            .setTxCount(previous.getTxCount() + includedHashes.size()), validators);
        batch.put(StateKeys.header(seq), header.toByteArray());
        batch.put(StateKeys.LAST_SEQ, StateKeys.encodeLong(seq));
        store.write(batch);
        committed.committed(state.accounts());
        nextSet.ifPresent(set -> validatorSets.put(seq + ValidatorSetContract.ACTIVATION_DELAY, set));
        state.newNodes().forEach(nodeCache::put);
        lastHeader = header;
        return new ClosedLedger(header, results, rejected);
    }

    /** Fees go to the ledger's validators in equal shares; the remainder of the division goes to the first. */
    private static void distributeFees(final StateOverlay block, final long fees, final List<Validator> validators) {
        if (fees == 0) {
            return;
        }
        final long share = fees / validators.size();
        final long remainder = fees % validators.size();
        for (int index = 0; index < validators.size(); index++) {
            final long amount = share + (index == 0 ? remainder : 0);
            if (amount == 0) {
                continue;
            }
            final String validator = validators.get(index).address();
            final Account.Builder account = block.edit(validator)
                .orElseGet(() -> block.create(plainAccount(validator, 0)));
            account.setBalance(Math.addExact(account.getBalance(), amount));
        }
    }

    private void writeGenesis() {
        final WriteBatch batch = new WriteBatch();
        final LedgerHeader header = genesisHeader(batch);
        batch.put(StateKeys.validatorSet(1), validatorSetRecord(1, genesis.validators()).toByteArray());
        validatorSets.put(1L, genesis.validators());
        batch.put(StateKeys.header(1), header.toByteArray());
        batch.put(StateKeys.LAST_SEQ, StateKeys.encodeLong(1));
        store.write(batch);
        lastHeader = header;
    }

    /** Builds the genesis ledger's header, adding its state to {@code batch}. Deterministic in the config. */
    private LedgerHeader genesisHeader(final WriteBatch batch) {
        final StateOverlay state = new StateOverlay(EMPTY_STATE);
        for (final GenesisAccount account : genesis.accounts()) {
            state.create(plainAccount(account.address(), account.balance()));
        }
        final NodeReader noNodes = hash -> Optional.empty();
        final StateCommitter.Result result = StateCommitter.commit(state, SparseMerkleTree.emptyRoot(), noNodes, batch);
        return sealHeader(LedgerHeader.newBuilder()
            .setSeq(1)
            .setAccountTreeHash(ByteString.copyFrom(result.accountTreeRoot()))
            .setCloseTime(genesis.closeTimeMicros())
            .setConsensusValueHash(ByteString.copyFrom(LedgerHashes.genesisRulesHash(genesis)))
            .setTxCount(0), genesis.validators());
    }

    private LedgerHeader sealHeader(final LedgerHeader.Builder header, final List<Validator> validators) {
        header.setVersion(LEDGER_VERSION)
            .setValidatorsHash(ByteString.copyFrom(LedgerHashes.validatorsHash(validators)))
            .setFeesHash(ByteString.copyFrom(LedgerHashes.feesHash(genesis.fees())))
            .setChainId(genesis.chainId());
        return header.setHash(ByteString.copyFrom(LedgerHashes.headerHash(header.build()))).build();
    }

    private void loadValidatorSets() {
        store.scan(StateKeys.VALIDATOR_SETS_PREFIX, StateKeys.VALIDATOR_SETS_PREFIX, Integer.MAX_VALUE, (key, value) -> {
            final ValidatorSetRecord record = parse(() -> ValidatorSetRecord.parseFrom(value), "validator set");
            validatorSets.put(record.getEffectiveSeq(), record.getValidatorsList().stream()
                .map(validator -> new Validator(validator.getPublicKey(), validator.getPower())).toList());
            return true;
        });
        Verify.that(validatorSets.containsKey(1L), "the store has no genesis validator set");
    }

    private static ValidatorSetRecord validatorSetRecord(final long effectiveSeq, final List<Validator> validators) {
        final ValidatorSetRecord.Builder record = ValidatorSetRecord.newBuilder().setEffectiveSeq(effectiveSeq);
        validators.forEach(validator -> record.addValidators(
            ValidatorRecord.newBuilder().setPublicKey(validator.publicKey()).setPower(validator.power())));
        return record.build();
    }

    private static Account plainAccount(final String address, final long balance) {
        return Account.newBuilder()
            .setAddress(address)
            .setBalance(balance)
            .setPriv(AccountPrivilege.newBuilder().setMasterWeight(1)
                .setThresholds(AccountThreshold.newBuilder().setTxThreshold(1)))
            .build();
    }

    /**
     * Serializes the stored record by hand so that its {@code transaction_env.transaction} holds the exact
     * blob that was signed; re-serializing a parsed transaction could change its bytes and its hash.
     */
    private static byte[] encodeRecord(final VerifiedTransaction transaction, final TransactionEnvStore view) {
        try {
            final byte[] envelope = new byte[TransactionDecoder.envelopeSize(transaction.blobUnsafe(), transaction.signatures())];
            final CodedOutputStream envelopeOut = CodedOutputStream.newInstance(envelope);
            envelopeOut.writeByteArray(1, transaction.blobUnsafe());
            for (final Signature signature : transaction.signatures()) {
                envelopeOut.writeMessage(2, signature);
            }
            envelopeOut.checkNoSpaceLeft();
            final byte[] tail = view.toBuilder().clearTransactionEnv().build().toByteArray();
            final byte[] record = new byte[CodedOutputStream.computeByteArraySize(1, envelope) + tail.length];
            final CodedOutputStream out = CodedOutputStream.newInstance(record);
            out.writeByteArray(1, envelope);
            out.writeRawBytes(tail);
            out.checkNoSpaceLeft();
            return record;
        } catch (final java.io.IOException e) {
            throw new IllegalStateException("encoding a transaction record into an exactly sized array failed", e);
        }
    }

    /**
     * The stored record as a message, built from the already parsed transaction instead of parsing the
     * record again. Its fields equal the stored record's; only the stored bytes are authoritative.
     */
    private static TransactionEnvStore resultView(final VerifiedTransaction transaction,
                                                  final TransactionExecutor.Included included, final long seq,
                                                  final long closeTimeMicros) {
        final TransactionEnvStore.Builder view = TransactionEnvStore.newBuilder()
            .setTransactionEnv(TransactionEnv.newBuilder()
                .setTransaction(transaction.transaction())
                .addAllSignatures(transaction.signatures()))
            .setLedgerSeq(seq)
            .setCloseTime(closeTimeMicros)
            .setHash(ByteString.copyFrom(transaction.hashUnsafe()))
            .setActualFee(included.actualFee());
        included.error().ifPresent(error -> view.setErrorCode(error.number()).setErrorDesc(error.message()));
        return view.build();
    }

    private static TransactionEnvStore parseRecord(final byte[] bytes) {
        return parse(() -> TransactionEnvStore.parseFrom(bytes), "transaction record");
    }

    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(final Parser<T> parser, final String what) {
        try {
            return parser.parse();
        } catch (final InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored " + what + " is corrupt", e);
        }
    }

    private static final StateReader EMPTY_STATE = new StateReader() {
        @Override
        public Optional<Account> account(final String address) {
            return Optional.empty();
        }

        @Override
        public Optional<KeyPair> metadata(final String address, final String key) {
            return Optional.empty();
        }
    };
}
