package org.banyan.ledger;

import java.util.List;
import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;

/** A {@link QueryContext} over some state: the committed state for queries, a transaction's overlay for calls. */
class StateQueryContext implements QueryContext {

    private final StateReader state;
    private final String contractAddress;
    private final String input;
    private final long ledgerSeq;
    private final long closeTimeMicros;
    private final Genesis genesis;
    private final List<Validator> validators;
    private final List<Validator> latestValidators;

    StateQueryContext(final StateReader state, final String contractAddress, final String input, final long ledgerSeq,
                      final long closeTimeMicros, final Genesis genesis, final List<Validator> validators,
                      final List<Validator> latestValidators) {
        this.validators = validators;
        this.latestValidators = latestValidators;
        this.state = state;
        this.contractAddress = contractAddress;
        this.input = input;
        this.ledgerSeq = ledgerSeq;
        this.closeTimeMicros = closeTimeMicros;
        this.genesis = genesis;
    }

    @Override
    public String contractAddress() {
        return contractAddress;
    }

    @Override
    public String input() {
        return input;
    }

    @Override
    public long ledgerSeq() {
        return ledgerSeq;
    }

    @Override
    public long closeTimeMicros() {
        return closeTimeMicros;
    }

    @Override
    public Genesis genesis() {
        return genesis;
    }

    @Override
    public Optional<String> metadata(final String key) {
        return state.metadata(contractAddress, key).map(KeyPair::getValue);
    }

    @Override
    public Optional<Account> account(final String address) {
        return state.account(address);
    }

    @Override
    public List<Validator> validators() {
        return validators;
    }

    @Override
    public List<Validator> latestValidators() {
        return latestValidators;
    }
}
