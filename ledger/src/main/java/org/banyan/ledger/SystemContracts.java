package org.banyan.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.banyan.crypto.Address;

/**
 * The system contracts a ledger routes calls to, by address, with the capabilities each was granted, and the
 * transaction policies it consults. Immutable: {@link #with} and {@link #withPolicy} return a new registry. Every
 * ledger has the built-in validator-set contract; the node adds others (the DDO contract, the chain-group contracts)
 * when it opens its ledger. All nodes of a chain must register the same contracts and policies, or they execute the
 * same transactions differently.
 */
public final class SystemContracts {

    private final Map<String, SystemContract> byAddress;
    private final Map<String, Set<SystemContractCapability>> capabilities;
    private final List<TransactionPolicy> policies;

    private SystemContracts(final Map<String, SystemContract> byAddress,
                            final Map<String, Set<SystemContractCapability>> capabilities,
                            final List<TransactionPolicy> policies) {
        this.byAddress = byAddress;
        this.capabilities = capabilities;
        this.policies = policies;
    }

    /** The contracts every ledger has: the validator-set contract, which may schedule validator sets. */
    public static SystemContracts builtIn() {
        return new SystemContracts(Map.of(), Map.of(), List.of())
            .with(new ValidatorSetContract(), Set.of(SystemContractCapability.SCHEDULE_VALIDATORS));
    }

    /**
     * This registry plus {@code contract}, with no capabilities.
     *
     * @throws IllegalArgumentException if its address is not a BID address or already has a contract
     */
    public SystemContracts with(final SystemContract contract) {
        return with(contract, Set.of());
    }

    /**
     * This registry plus {@code contract}, granted {@code granted}.
     *
     * @throws IllegalArgumentException if its address is not a BID address or already has a contract
     */
    public SystemContracts with(final SystemContract contract, final Set<SystemContractCapability> granted) {
        final String address = contract.address();
        if (Address.tryParse(address).isEmpty()) {
            throw new IllegalArgumentException("system contract address '" + address + "' is not a valid BID address");
        }
        if (byAddress.containsKey(address)) {
            throw new IllegalArgumentException("a system contract is already registered at " + address);
        }
        final Map<String, SystemContract> next = new LinkedHashMap<>(byAddress);
        next.put(address, contract);
        final Map<String, Set<SystemContractCapability>> nextCapabilities = new LinkedHashMap<>(capabilities);
        nextCapabilities.put(address, granted.isEmpty() ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(granted)));
        return new SystemContracts(Collections.unmodifiableMap(next), Collections.unmodifiableMap(nextCapabilities),
            policies);
    }

    /** This registry plus {@code policy}, consulted after the policies already registered. */
    public SystemContracts withPolicy(final TransactionPolicy policy) {
        final List<TransactionPolicy> next = new ArrayList<>(policies);
        next.add(java.util.Objects.requireNonNull(policy, "policy"));
        return new SystemContracts(byAddress, capabilities, List.copyOf(next));
    }

    /** The contract at {@code address}, if one is registered there. */
    public Optional<SystemContract> find(final String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** The registered addresses, in registration order. */
    public Set<String> addresses() {
        return byAddress.keySet();
    }

    /** Whether the contract at {@code address} was granted {@code capability}. */
    public boolean grants(final String address, final SystemContractCapability capability) {
        return capabilities.getOrDefault(address, Set.of()).contains(capability);
    }

    /** The transaction policies, in registration order. */
    public List<TransactionPolicy> policies() {
        return policies;
    }
}
