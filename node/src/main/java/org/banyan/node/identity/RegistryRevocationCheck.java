package org.banyan.node.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.banyan.credentials.RevocationCheck;
import org.banyan.credentials.RevocationQuery;
import org.banyan.credentials.RevocationStatus;
import org.banyan.crypto.Address;
import org.banyan.identity.BidResult;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.registry.CredentialStatus;
import org.banyan.identity.registry.RegistryCalls;
import org.banyan.identity.registry.TrustedRegistryContract;
import org.banyan.ledger.Outcome;

/**
 * Asks the chain's trusted registry about a credential: revoked when its issuer revoked its {@code id} or its BIF
 * {@code revocationId}; active when not revoked and the issuer is listed; unknown otherwise (an issuer that is not a
 * BID or not listed, a credential without an id), which verification reports as a warning rather than an error.
 */
public final class RegistryRevocationCheck implements RevocationCheck {

    private final BiFunction<String, String, Outcome<String>> query;

    /** A check that runs registry queries with {@code query} (contract address, input), normally {@code Ledger::query}. */
    public RegistryRevocationCheck(final BiFunction<String, String, Outcome<String>> query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    @Override
    public RevocationStatus statusOf(final RevocationQuery credential) {
        if (Address.tryParse(credential.issuer()).isEmpty()) {
            return new RevocationStatus.Unknown("the issuer " + credential.issuer() + " is not a BID address, and the"
                + " trusted registry lists BID issuers only");
        }
        final List<String> ids = new ArrayList<>();
        credential.credentialId().ifPresent(ids::add);
        credential.revocationId().ifPresent(ids::add);
        if (ids.isEmpty()) {
            return new RevocationStatus.Unknown("the credential has neither an id nor a revocationId to look up");
        }
        boolean listed = false;
        for (final String id : ids) {
            final Outcome<String> answer = query.apply(TrustedRegistryContract.ADDRESS,
                RegistryCalls.credentialStatus(credential.issuer(), id));
            if (!answer.isOk()) {
                return new RevocationStatus.Unknown("the trusted registry could not answer: " + ContractFailure
                    .fromDescription(answer.error().message()).map(error -> error.message()).orElse(answer.error().message()));
            }
            final BidResult<CredentialStatus> status = CredentialStatus.parse(answer.value());
            if (!status.isOk()) {
                throw new IllegalStateException("the trusted registry answered a malformed status: " + answer.value());
            }
            if (status.value().revoked()) {
                return new RevocationStatus.Revoked(credential.issuer() + " revoked " + id + " in ledger "
                    + status.value().revokedInLedger().orElseThrow() + ": " + status.value().revocationReason().orElseThrow());
            }
            listed = status.value().issuerListed();
        }
        return listed ? new RevocationStatus.Active() : new RevocationStatus.Unknown("the issuer " + credential.issuer()
            + " is not listed in the trusted registry");
    }
}
