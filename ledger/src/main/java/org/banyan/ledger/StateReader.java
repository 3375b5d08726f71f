package org.banyan.ledger;

import java.util.Optional;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;

/** Read access to accounts and their metadata, committed or in progress. */
interface StateReader {

    Optional<Account> account(String address);

    Optional<KeyPair> metadata(String address, String key);
}
