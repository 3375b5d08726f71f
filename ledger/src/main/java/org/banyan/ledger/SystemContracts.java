package org.banyan.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;

/**
 * The system contracts a ledger routes calls to, by address. Immutable: {@link #with} returns a new registry. Every
 * ledger has the built-in validator-set contract; the node adds others (the DDO contract) when it opens its ledger.
 * All nodes of a chain must register the same contracts, or they execute the same transactions differently.
 */
public final class SystemContracts {

    private final Map<String, SystemContract> byAddress;

    private SystemContracts(final Map<String, SystemContract> byAddress) {
        this.byAddress = byAddress;
    }

    /** The contracts every ledger has: the validator-set contract. */
    public static SystemContracts builtIn() {
        return new SystemContracts(Map.of()).with(new ValidatorSetContract());
    }

    /**
     * This registry plus {@code contract}.
     *
     * @throws IllegalArgumentException if its address is not a BID address or already has a contract
     */
    public SystemContracts with(final SystemContract contract) {
        final String address = contract.address();
        if (Address.tryParse(address).isEmpty()) {
            throw new IllegalArgumentException("system contract address '" + address + "' is not a valid BID address");
        }
        if (byAddress.containsKey(address)) {
            throw new IllegalArgumentException("a system contract is already registered at " + address);
        }
        final Map<String, SystemContract> next = new LinkedHashMap<>(byAddress);
        next.put(address, contract);
        return new SystemContracts(java.util.Collections.unmodifiableMap(next));
    }

    /** The contract at {@code address}, if one is registered there. */
    public Optional<SystemContract> find(final String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** The registered addresses, in registration order. */
    public Set<String> addresses() {
        return byAddress.keySet();
    }
}
