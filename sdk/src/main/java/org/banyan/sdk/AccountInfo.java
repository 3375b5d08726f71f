package org.banyan.sdk;

import java.util.List;
import org.banyan.protocol.Account;
import org.banyan.protocol.KeyPair;

/** An account as {@code getAccount} serves it: the account state plus its metadata entries (key, value, version). */
public record AccountInfo(Account account, List<KeyPair> metadatas) {

    /** Copies the metadata list. */
    public AccountInfo {
        metadatas = List.copyOf(metadatas);
    }
}
