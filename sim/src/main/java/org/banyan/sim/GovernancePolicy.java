package org.banyan.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.banyan.crypto.PublicKey;
import org.banyan.ledger.Validator;

/**
 * The validator sets the simulated governance account asks for, one per call. Changes go through the ledger's real
 * validator-set contract and take effect two heights after the call commits, so nodes learn each height's set from
 * their own ledgers, as production nodes do.
 *
 * <p>Call {@code k} rotates correct validators' powers through 1..3 and, in odd calls, puts the spare in place of one
 * correct validator. Byzantine validators keep power 1, so their share stays below a third whatever the call: runs
 * stay within the protocol's fault assumption.
 */
final class GovernancePolicy {

    /** Most distinct powers a correct validator cycles through. */
    static final int POWER_LEVELS = 3;

    private final List<PublicKey> validators;
    private final Set<Integer> byzantine;
    private final PublicKey spare;

    GovernancePolicy(final List<PublicKey> validators, final Set<Integer> byzantine, final PublicKey spare) {
        this.validators = List.copyOf(validators);
        this.byzantine = Set.copyOf(byzantine);
        this.spare = spare;
    }

    /** The genesis set: every validator with power 1. */
    static List<Validator> genesisSet(final List<PublicKey> validators) {
        return validators.stream().map(key -> new Validator(key.encoded(), 1)).toList();
    }

    /** The set governance call {@code call} (from 1) asks for. */
    List<Validator> set(final long call) {
        final List<Integer> correct = new ArrayList<>();
        for (int index = 0; index < validators.size(); index++) {
            if (!byzantine.contains(index)) {
                correct.add(index);
            }
        }
        final int replaced = call % 2 == 1 && !correct.isEmpty() ? correct.get((int) (call / 2 % correct.size())) : -1;
        final List<Validator> members = new ArrayList<>();
        for (int index = 0; index < validators.size(); index++) {
            final long power = byzantine.contains(index) ? 1 : 1 + (call + index) % POWER_LEVELS;
            members.add(new Validator((index == replaced ? spare : validators.get(index)).encoded(), power));
        }
        return members;
    }
}
