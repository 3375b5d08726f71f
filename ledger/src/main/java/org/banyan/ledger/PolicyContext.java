package org.banyan.ledger;

import java.util.List;
import java.util.Optional;
import org.banyan.protocol.Account;

/**
 * What a {@link TransactionPolicy} may read: any account and any metadata entry as the transaction would see them (the
 * committed state on admission, the ledger being closed otherwise), the chain's rules and the ledger's validators.
 */
public interface PolicyContext {

    /** The ledger the transaction would run in. */
    long ledgerSeq();

    /** The chain's genesis rules. */
    Genesis genesis();

    /** The validators of {@link #ledgerSeq()}. */
    List<Validator> validators();

    /** Any account. */
    Optional<Account> account(String address);

    /** The value of the metadata entry {@code key} of the account at {@code address}. */
    Optional<String> metadata(String address, String key);
}
