package org.banyan.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.List;
import org.banyan.crypto.Hex;
import org.banyan.lightclient.Anchor;
import org.banyan.lightclient.AccountStateProof;
import org.banyan.lightclient.ChainGroupEntries;
import org.banyan.lightclient.Checked;
import org.banyan.lightclient.ClientState;
import org.banyan.lightclient.EntryProof;
import org.banyan.lightclient.LightClient;
import org.banyan.lightclient.Proven;
import org.banyan.lightclient.ProvenTransaction;
import org.banyan.lightclient.TransactionProof;
import org.banyan.lightclient.TrustedValidator;
import org.banyan.lightclient.UpdateResult;
import org.banyan.protocol.Account;
import org.banyan.protocol.chaingroup.CertifiedHeader;
import org.banyan.protocol.chaingroup.ValidatorEntry;

/**
 * Checks a sub-chain fact proven against the main chain ({@code GET /chaingroup/proof} on a main-chain node), trusting
 * only the main chain's validator set the caller names:
 * <ol>
 *   <li>the certified main-chain header carries more than two thirds of that set's power, and names a ledger;</li>
 *   <li>that ledger's state holds the chain-group contract's anchor of the sub-chain at the anchored height;</li>
 *   <li>the sub-chain's transaction is in a block linked by block ids to the anchored block, or the account is in the
 *       state the anchored block names.</li>
 * </ol>
 * The node that answered, and the sub-chain node it asked, are not trusted: any altered byte fails a check.
 */
public final class ChainGroupProofVerifier {

    private final ClientState trusted;

    private ChainGroupProofVerifier(final ClientState trusted) {
        this.trusted = trusted;
    }

    /**
     * A verifier trusting main chain {@code chainId} with these super nodes (BIF-encoded public keys and powers), e.g.
     * as its genesis file lists them.
     *
     * @throws IllegalArgumentException when a key is malformed or the set is empty or too large
     */
    public static ChainGroupProofVerifier trusting(final long chainId, final List<ValidatorEntry> superNodes) {
        List<TrustedValidator> validators = superNodes.stream()
                .map(node -> checked(TrustedValidator.of(node), "super node " + node.getPublicKey())).toList();
        return new ChainGroupProofVerifier(checked(LightClient.initial(chainId, validators), "the super-node set"));
    }

    /** A transaction proven to be in sub-chain {@code ac}'s block at {@code height}, anchored at {@code anchoredHeight}. */
    public record ProvenSubChainTransaction(String ac, String hash, long height, long anchoredHeight,
                                           long mainChainHeight) {
    }

    /**
     * Checks that transaction {@code hashHex} of sub-chain {@code ac} is proven by {@code response} (the
     * {@code result} of {@code GET /chaingroup/proof?ac=…&tx=…}).
     *
     * @throws IllegalArgumentException naming the check that failed
     */
    public ProvenSubChainTransaction verifyTransaction(final JsonNode response, final String ac, final String hashHex) {
        Anchor anchor = provenAnchor(response, ac);
        TransactionProof proof = checked(TransactionProof.fromBase64(text(response, "transaction_proof")),
                "the transaction proof");
        ProvenTransaction proven = checked(proof.verify(anchor.blockId()), "the transaction proof");
        if (!proven.transactionHash().equals(ByteString.copyFrom(Hex.decode(hashHex)))) {
            throw new IllegalArgumentException("the proof is for transaction "
                    + Hex.encode(proven.transactionHash().toByteArray()) + ", not " + hashHex);
        }
        return new ProvenSubChainTransaction(ac, hashHex, proven.height(), proven.anchoredHeight(),
                response.path("main_chain_height").asLong());
    }

    /**
     * Checks {@code response} (of {@code GET /chaingroup/proof?ac=…&address=…}) and returns the account as the anchored
     * state of sub-chain {@code ac} holds it; empty when that state proves it absent.
     *
     * @throws IllegalArgumentException naming the check that failed
     */
    public java.util.Optional<Account> verifyAccount(final JsonNode response, final String ac, final String address) {
        Anchor anchor = provenAnchor(response, ac);
        AccountStateProof proof = checked(AccountStateProof.fromBase64(text(response, "account_proof")),
                "the account proof");
        Proven<Account> proven = proof.verify(anchor, address);
        if (proven instanceof Proven.Invalid<Account> invalid) {
            throw new IllegalArgumentException("the account proof does not hold: " + invalid.reason());
        }
        return proven instanceof Proven.Present<Account> present ? java.util.Optional.of(present.value())
                : java.util.Optional.empty();
    }

    /** Steps 1 and 2: the anchor the certified main-chain state holds for {@code ac}. */
    private Anchor provenAnchor(final JsonNode response, final String ac) {
        CertifiedHeader header = checked(LightClient.decodeCertifiedHeader(text(response, "certified_header")),
                "the certified main-chain header");
        UpdateResult update = LightClient.update(trusted, header, height -> java.util.Optional.empty());
        if (!(update instanceof UpdateResult.Accepted accepted)) {
            throw new IllegalArgumentException("the main-chain header is not certified by the trusted super nodes: "
                    + (update instanceof UpdateResult.Refused refused ? refused.reason() : "it conflicts"));
        }
        long anchoredHeight = response.path("anchored_height").asLong();
        String key = ChainGroupEntries.anchor(ac, anchoredHeight);
        EntryProof proof = checked(EntryProof.fromBase64(text(response, "anchor_proof")), "the anchor proof");
        Proven<String> entry = proof.verify(accepted.anchor().stateRoot(), ChainGroupEntries.CHAIN_GROUP_CONTRACT, key);
        if (entry instanceof Proven.Invalid<String> invalid) {
            throw new IllegalArgumentException("the anchor proof does not hold: " + invalid.reason());
        }
        if (!(entry instanceof Proven.Present<String> present)) {
            throw new IllegalArgumentException("the main chain's state at ledger " + accepted.anchor().ledgerSeq()
                    + " holds no anchor " + key);
        }
        return checked(Anchor.fromJson(present.value()), "the anchored header");
    }

    private static String text(final JsonNode response, final String field) {
        JsonNode value = response.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("the proof response has no '" + field + "'");
        }
        return value.textValue();
    }

    private static <T> T checked(final Checked<T> checked, final String what) {
        if (checked instanceof Checked.Invalid<T> invalid) {
            throw new IllegalArgumentException(what + " is invalid: " + invalid.reason());
        }
        return ((Checked.Ok<T>) checked).value();
    }
}
