package org.banyan.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.banyan.protocol.Account;
import org.banyan.protocol.AccountPrivilege;
import org.banyan.protocol.AccountThreshold;
import org.banyan.protocol.Operation;
import org.banyan.protocol.OperationTypeThreshold;
import org.banyan.protocol.Signer;

/** BIF multi-signature rules: the weights of the keys that signed, summed against a threshold. */
final class Privileges {

    private Privileges() {
    }

    /** Whether the signers carry the account's transaction threshold. */
    static boolean authorizesTransaction(final Account account, final Set<String> signers) {
        return weight(account, signers) >= account.getPriv().getThresholds().getTxThreshold();
    }

    /** Whether the signers carry the threshold of this operation type (the type's own, else the tx threshold). */
    static boolean authorizesOperation(final Account account, final Operation.Type type, final Set<String> signers) {
        return weight(account, signers) >= threshold(account.getPriv().getThresholds(), type);
    }

    static long threshold(final AccountThreshold thresholds, final Operation.Type type) {
        for (final OperationTypeThreshold typeThreshold : thresholds.getTypeThresholdsList()) {
            if (typeThreshold.getType() == type) {
                return typeThreshold.getThreshold();
            }
        }
        return thresholds.getTxThreshold();
    }

    static long weight(final Account account, final Set<String> signers) {
        final AccountPrivilege privilege = account.getPriv();
        long weight = signers.contains(account.getAddress()) ? privilege.getMasterWeight() : 0;
        for (final Signer signer : privilege.getSignersList()) {
            if (signers.contains(signer.getAddress())) {
                weight += signer.getWeight();
            }
        }
        return weight;
    }

    /** Sets, replaces or (weight 0) removes signers, keeping their order. */
    static void updateSigners(final AccountPrivilege.Builder privilege, final List<Signer> changes) {
        final List<Signer> signers = new ArrayList<>(privilege.getSignersList());
        for (final Signer change : changes) {
            signers.removeIf(existing -> existing.getAddress().equals(change.getAddress()));
            if (change.getWeight() > 0) {
                signers.add(change);
            }
        }
        privilege.clearSigners().addAllSigners(signers);
    }

    /** Sets, replaces or (threshold 0) removes per-type thresholds. */
    static void updateTypeThresholds(final AccountThreshold.Builder thresholds, final List<OperationTypeThreshold> changes) {
        final List<OperationTypeThreshold> current = new ArrayList<>(thresholds.getTypeThresholdsList());
        for (final OperationTypeThreshold change : changes) {
            current.removeIf(existing -> existing.getType() == change.getType());
            if (change.getThreshold() > 0) {
                current.add(change);
            }
        }
        thresholds.clearTypeThresholds().addAllTypeThresholds(current);
    }
}
