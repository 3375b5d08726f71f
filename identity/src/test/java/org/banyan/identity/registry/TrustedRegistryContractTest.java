package org.banyan.identity.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.identity.BidError;
import org.banyan.identity.ContractFailure;
import org.banyan.identity.DdoChain;
import org.banyan.identity.ResultCode;
import org.banyan.identity.TestDocuments;
import org.banyan.ledger.Outcome;
import org.banyan.protocol.Account;
import org.banyan.protocol.TransactionEnvStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuers, templates and revocations in the trusted registry, and who may write each. */
class TrustedRegistryContractTest {

    private final DdoChain chain = new DdoChain();
    private final PrivateKey issuer = TestDocuments.key(10);
    private final PrivateKey stranger = TestDocuments.key(11);
    private final String issuerBid = TestDocuments.bid(issuer);

    @BeforeEach
    void fund() {
        chain.fund(issuer);
        chain.fund(stranger);
    }

    private ResultCode call(final PrivateKey source, final String input) {
        final TransactionEnvStore result = chain.callContract(TrustedRegistryContract.ADDRESS, source, input);
        return DdoChain.resultOf(result);
    }

    private CredentialStatus status(final String credentialId) {
        return CredentialStatus.parse(chain.ledger.query(TrustedRegistryContract.ADDRESS,
            RegistryCalls.credentialStatus(issuerBid, credentialId)).value()).value();
    }

    private Optional<Account> registryAccount() {
        return chain.ledger.account(TrustedRegistryContract.ADDRESS);
    }

    @Test
    void theAddressIsDerivedFromItsNameSoNoKeyOwnsIt() {
        final byte[] hash = Hashes.sha256("banyan:system-contract:trusted-registry".getBytes(StandardCharsets.UTF_8));
        assertThat(Address.of(KeyType.ED25519, Arrays.copyOfRange(hash, 10, 32), Optional.empty()).toString())
            .isEqualTo(TrustedRegistryContract.ADDRESS);
    }

    @Test
    void governanceListsAnIssuerWhoRegistersTemplatesAndRevokesItsCredentials() {
        assertThat(call(chain.governance, RegistryCalls.registerIssuer(issuerBid, "Banyan University"))).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.ledger.query(TrustedRegistryContract.ADDRESS, RegistryCalls.issuer(issuerBid)).value())
            .contains("\"listed\":true").contains("Banyan University");
        assertThat(status("urn:uuid:1")).isEqualTo(new CredentialStatus(issuerBid, "urn:uuid:1", true, Optional.empty(),
            Optional.empty()));

        assertThat(call(issuer, RegistryCalls.registerTemplate("degree-v1", "Degree"))).isEqualTo(ResultCode.SUCCESS);
        assertThat(chain.ledger.query(TrustedRegistryContract.ADDRESS, RegistryCalls.template("degree-v1")).value())
            .contains("\"issuer\":\"" + issuerBid + "\"");
        assertThat(call(issuer, RegistryCalls.registerTemplate("degree-v1", "Again"))).isEqualTo(ResultCode.ERROR);

        assertThat(call(issuer, RegistryCalls.revoke("urn:uuid:1", "issued in error"))).isEqualTo(ResultCode.SUCCESS);
        final CredentialStatus revoked = status("urn:uuid:1");
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revocationReason()).contains("issued in error");
        assertThat(revoked.revokedInLedger()).hasValueSatisfying(seq -> assertThat(seq).isPositive());
        assertThat(call(issuer, RegistryCalls.revoke("urn:uuid:1", "twice"))).isEqualTo(ResultCode.ERROR);
        assertThat(status("urn:uuid:2").revoked()).isFalse();

        assertThat(call(chain.governance, RegistryCalls.removeIssuer(issuerBid))).isEqualTo(ResultCode.SUCCESS);
        assertThat(status("urn:uuid:1").issuerListed()).isFalse();
        assertThat(status("urn:uuid:1").revoked()).as("revocation is final").isTrue();
    }

    @Test
    void nobodyButGovernanceListsIssuersAndNobodyRevokesAnotherIssuersCredentials() {
        final Optional<Account> before = registryAccount();
        assertThat(call(issuer, RegistryCalls.registerIssuer(issuerBid, "self-listed"))).isEqualTo(ResultCode.NO_PERMISSION);
        assertThat(call(stranger, RegistryCalls.registerTemplate("t", "not listed"))).isEqualTo(ResultCode.NO_PERMISSION);
        assertThat(call(chain.governance, RegistryCalls.removeIssuer(issuerBid))).isEqualTo(ResultCode.NO_PERMISSION);
        assertThat(registryAccount()).isEqualTo(before);

        // A stranger's revocation is recorded under the stranger, so the issuer's credential stays valid.
        assertThat(call(stranger, RegistryCalls.revoke("urn:uuid:1", "spite"))).isEqualTo(ResultCode.SUCCESS);
        assertThat(status("urn:uuid:1").revoked()).isFalse();
    }

    @Test
    void malformedAndOversizedCallsAreRefusedWithTheirResultCodes() {
        final Optional<Account> before = registryAccount();
        final String atCap = "x".repeat(TrustedRegistryContract.MAX_IDENTIFIER_CHARS);
        final String overCap = atCap + "x";
        assertThat(call(issuer, RegistryCalls.revoke(overCap, "r"))).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(call(issuer, RegistryCalls.revoke("id", "r".repeat(TrustedRegistryContract.MAX_REASON_CHARS + 1))))
            .isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(call(chain.governance, RegistryCalls.registerIssuer(issuerBid,
            "n".repeat(TrustedRegistryContract.MAX_NAME_CHARS + 1)))).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(call(chain.governance, RegistryCalls.registerIssuer("did:bid:nonsense", "n"))).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(call(issuer, "{\"method\":\"revoke\",\"params\":{\"reason\":\"r\"}}")).isEqualTo(ResultCode.FIELD_NOT_FOUND);
        assertThat(call(issuer, "{\"method\":\"revoke\"}")).isEqualTo(ResultCode.FIELD_NOT_FOUND);
        assertThat(call(issuer, "{\"method\":\"revoke\",\"params\":{},\"extra\":1}")).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(call(issuer, "not json")).isEqualTo(ResultCode.PROTOCOL_ERROR);
        assertThat(call(issuer, "{\"method\":\"mint\",\"params\":{}}")).isEqualTo(ResultCode.UNSUPPORTED);
        assertThat(call(issuer, RegistryCalls.issuer(issuerBid))).as("a query in a transaction").isEqualTo(ResultCode.UNSUPPORTED);
        assertThat(registryAccount()).isEqualTo(before);

        assertThat(call(issuer, RegistryCalls.revoke(atCap, "at the cap"))).isEqualTo(ResultCode.SUCCESS);
        assertThat(status(atCap).revoked()).isTrue();
    }

    @Test
    void queriesAnswerNotFoundAndRefuseUnknownMethods() {
        assertThat(queryError(RegistryCalls.issuer(issuerBid))).isEqualTo(ResultCode.NOT_FOUND);
        assertThat(queryError(RegistryCalls.template("none"))).isEqualTo(ResultCode.NOT_FOUND);
        assertThat(queryError(RegistryCalls.revoke("id", "r"))).isEqualTo(ResultCode.UNSUPPORTED);
        assertThat(queryError(RegistryCalls.credentialStatus("did:bid:bad", "id"))).isEqualTo(ResultCode.PROTOCOL_ERROR);
    }

    private ResultCode queryError(final String input) {
        final Outcome<String> outcome = chain.ledger.query(TrustedRegistryContract.ADDRESS, input);
        return ContractFailure.fromDescription(outcome.error().message()).map(BidError::code).orElseThrow();
    }

    @Test
    void aCredentialStatusRoundTripsAndMalformedOnesAreRefused() {
        final CredentialStatus revoked = new CredentialStatus(issuerBid, "urn:uuid:9", true, Optional.of("lost"),
            Optional.of(12L));
        assertThat(CredentialStatus.parse(revoked.toJson()).value()).isEqualTo(revoked);
        final CredentialStatus active = new CredentialStatus(issuerBid, "urn:uuid:9", false, Optional.empty(),
            Optional.empty());
        assertThat(CredentialStatus.parse(active.toJson()).value()).isEqualTo(active);
        assertThat(CredentialStatus.parse("{\"issuer\":\"x\"}").isOk()).isFalse();
        assertThat(CredentialStatus.parse(revoked.toJson().replace("\"reason\":\"lost\",", "")).isOk()).isFalse();
        assertThat(CredentialStatus.parse("[]").isOk()).isFalse();
    }
}
