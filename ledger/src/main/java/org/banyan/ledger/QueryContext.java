package org.banyan.ledger;

import java.util.List;
import java.util.Optional;
import org.banyan.protocol.Account;

/** What a system contract may read: its input, the ledger it runs against, the chain's rules and account state. */
public interface QueryContext {

    /** The address of the contract being called. */
    String contractAddress();

    /** The JSON input of the call or query, as the caller sent it. */
    String input();

    /** The ledger the call runs in: the one being closed for a call, the last committed one for a query. */
    long ledgerSeq();

    /** That ledger's close time, in microseconds since the epoch. */
    long closeTimeMicros();

    /** The chain's genesis rules, including its governance account. */
    Genesis genesis();

    /** The value stored under {@code key} in the contract account's own metadata. */
    Optional<String> metadata(String key);

    /** Any account, as the call sees it. */
    Optional<Account> account(String address);

    /** The validators of {@link #ledgerSeq()}: the chain's current super nodes, whose power decides votes. */
    List<Validator> validators();

    /**
     * The last validator set scheduled, including one scheduled earlier in this ledger: the set a change should start
     * from, since it may take effect after {@link #ledgerSeq()}.
     */
    List<Validator> latestValidators();
}
