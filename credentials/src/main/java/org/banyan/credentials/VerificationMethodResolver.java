package org.banyan.credentials;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the verification method a proof names. {@code did:key} is built in; the node adds
 * {@code did:bid} resolution from the ledger by composing resolvers with {@link #byDidMethod}.
 */
@FunctionalInterface
public interface VerificationMethodResolver {

    /** Resolves a verification method id such as {@code did:key:z6Mk…#z6Mk…}. Never throws on bad input. */
    MethodResolution resolve(String verificationMethodId);

    /** The built-in {@code did:key} resolver (Ed25519 keys). */
    static VerificationMethodResolver didKey() {
        return DidKey::resolve;
    }

    /** A fixed set of methods looked up by id, such as a node's configured trusted issuers. */
    static VerificationMethodResolver of(final Collection<VerificationMethod> methods) {
        final Map<String, VerificationMethod> byId = methods.stream()
                .collect(Collectors.toUnmodifiableMap(VerificationMethod::id, Function.identity()));
        return id -> {
            final VerificationMethod method = byId.get(id);
            return method == null
                    ? new MethodResolution.NotFound("no verification method with id " + id + " is known")
                    : new MethodResolution.Found(method);
        };
    }

    /**
     * Routes each id to the resolver of its DID method ({@code key} in {@code did:key:…}).
     *
     * @param resolvers by DID method name
     */
    static VerificationMethodResolver byDidMethod(final Map<String, VerificationMethodResolver> resolvers) {
        final Map<String, VerificationMethodResolver> copy = Map.copyOf(resolvers);
        return id -> {
            final List<String> parts = List.of(id.split(":", 3));
            if (parts.size() < 3 || !parts.get(0).equals("did")) {
                return new MethodResolution.NotFound("the verification method id " + id + " is not a DID URL");
            }
            final VerificationMethodResolver resolver = copy.get(parts.get(1));
            return resolver == null
                    ? new MethodResolution.NotFound("the DID method '" + parts.get(1) + "' is not supported; supported: "
                            + copy.keySet().stream().sorted().collect(Collectors.joining(", ")))
                    : resolver.resolve(id);
        };
    }
}
