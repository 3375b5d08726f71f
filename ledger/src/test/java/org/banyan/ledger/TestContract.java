package org.banyan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.protocol.ERRORCODE;

/** A system contract for tests: its calls and queries as functions, at an address no key controls. */
record TestContract(String address, Function<CallContext, CallResult> onCall,
                    Function<QueryContext, Outcome<String>> onQuery) implements SystemContract {

    /** A contract at the address {@code tag} names that answers queries with {@code onQuery}. */
    static TestContract of(final String tag, final Function<CallContext, CallResult> onCall,
                           final Function<QueryContext, Outcome<String>> onQuery) {
        return new TestContract(Address.of(KeyType.ED25519,
            Arrays.copyOfRange(Hashes.sha256(tag.getBytes(StandardCharsets.UTF_8)), 10, 32), Optional.empty())
            .toString(), onCall, onQuery);
    }

    /** A contract at the address {@code tag} names that answers no query. */
    static TestContract callable(final String tag, final Function<CallContext, CallResult> onCall) {
        return of(tag, onCall, context -> Outcome.failed(ERRORCODE.ERRCODE_INVALID_PARAMETER, "no queries"));
    }

    /** This contract's calls and queries at another address. */
    TestContract at(final String otherAddress) {
        return new TestContract(otherAddress, onCall, onQuery);
    }

    @Override
    public CallResult call(final CallContext context) {
        return onCall.apply(context);
    }

    @Override
    public Outcome<String> query(final QueryContext context) {
        return onQuery.apply(context);
    }
}
