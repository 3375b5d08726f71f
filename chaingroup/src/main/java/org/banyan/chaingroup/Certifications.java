package org.banyan.chaingroup;

import java.util.Optional;
import org.banyan.ledger.CallContext;
import org.banyan.ledger.QueryContext;

/** Trusted certification of accounts: requests by anyone, decisions by a super node or the governance account. */
final class Certifications {

    private Certifications() {
    }

    /** {@code requestCertification {kind, name, documents_hash}}: the caller's area becomes UNCERT, request recorded. */
    static void request(final CallContext context, final Call call) {
        call.only("kind", "name", "documents_hash");
        final String kind = call.choice("kind", "person", "company");
        final String name = call.text("name", ChainGroupLimits.MAX_NAME_CHARS);
        final String documentsHash = call.hash("documents_hash");
        final String account = context.sourceAddress();
        final Optional<Certification> existing = find(context, account);
        if (existing.isPresent() && existing.get().trusted() == TrustLevel.TRUSTED) {
            throw Refusal.failed(account + " is already TRUSTED; a certifier may change that with certify");
        }
        put(context, new Certification(account, TrustLevel.UNCERT, true, kind, name, documentsHash, "",
            context.ledgerSeq()));
    }

    /** {@code certify {account, trusted, enabled}}: a super node or the governance account sets the area. */
    static void certify(final CallContext context, final Call call) {
        call.only("account", "trusted", "enabled");
        final String certifier = context.sourceAddress();
        if (!Quorum.isSuperNode(context, certifier) && !certifier.equals(context.genesis().governanceAccount())) {
            throw Refusal.denied("only a super node or the governance account may certify accounts, and " + certifier
                + " is neither");
        }
        final String account = call.address("account");
        final TrustLevel trusted = TrustLevel.valueOf(call.choice("trusted", "TRUSTED", "UNTRUSTED"));
        final boolean enabled = call.bool("enabled");
        final Optional<Certification> existing = find(context, account);
        put(context, new Certification(account, trusted, enabled, existing.map(Certification::kind).orElse(""),
            existing.map(Certification::name).orElse(""), existing.map(Certification::documentsHash).orElse(""),
            certifier, context.ledgerSeq()));
    }

    /** {@code certification {account}}: the account's certification. */
    static String query(final QueryContext context, final Call call) {
        call.only("account");
        final String account = call.address("account");
        return find(context, account).map(found -> Json.write(found.toJson()))
            .orElseThrow(() -> Refusal.missing(account + " has never been certified or asked to be"));
    }

    static Optional<Certification> find(final QueryContext context, final String account) {
        return context.metadata(ChainGroupKeys.certification(account)).map(Json::stored).map(Certification::fromJson);
    }

    private static void put(final CallContext context, final Certification certification) {
        context.putMetadata(ChainGroupKeys.certification(certification.account()), Json.write(certification.toJson()));
    }
}
