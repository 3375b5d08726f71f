package org.banyan.consensus;

import com.google.protobuf.ByteString;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.banyan.protocol.ledger.ValidatorsHash;

/**
 * The validators of one height, with their voting power, quorum arithmetic and proposer rotation.
 *
 * <p><b>Proposer rotation.</b> CometBFT's priority algorithm, which is smooth weighted round-robin: every step each
 * validator's priority grows by its power, the highest priority proposes (ties go to the earlier validator in the
 * list) and pays the total power back. Started from zero priorities the sequence repeats after {@code total / gcd}
 * steps, in which each validator proposes {@code power / gcd} times, spread evenly. Unlike CometBFT the priorities are
 * not carried from height to height: slot {@code (height + round) mod cycle} of the cycle proposes, so the proposer is
 * a pure function of (set, height, round) that every node computes alike, also right after a restart or a set change.
 *
 * <p>Instances are immutable. Equality is by the ordered list of validators.
 */
public final class ValidatorSet {

    private final List<Validator> validators;
    private final Map<String, Validator> byAddress;
    private final long totalPower;
    private final ByteString hash;
    private final short[] proposerCycle;

    private ValidatorSet(final List<Validator> validators) {
        this.validators = List.copyOf(validators);
        final Map<String, Validator> index = new LinkedHashMap<>();
        long total = 0;
        for (final Validator validator : this.validators) {
            if (index.put(validator.address(), validator) != null) {
                throw new IllegalArgumentException("validator " + validator.address() + " is listed twice");
            }
            total += validator.votingPower();
            if (total > Limits.MAX_TOTAL_VOTING_POWER) {
                throw new IllegalArgumentException(
                        "total voting power exceeds " + Limits.MAX_TOTAL_VOTING_POWER);
            }
        }
        this.byAddress = Collections.unmodifiableMap(index);
        this.totalPower = total;
        this.hash = computeHash(this.validators);
        this.proposerCycle = computeProposerCycle(this.validators);
    }

    /**
     * A set of validators in the given order; the order decides proposer ties and the set's hash.
     *
     * @throws IllegalArgumentException if the list is empty or longer than {@link Limits#MAX_VALIDATORS}, names a
     *     validator twice, or its powers overflow the caps
     */
    public static ValidatorSet of(final List<Validator> validators) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("a validator set needs at least one validator");
        }
        if (validators.size() > Limits.MAX_VALIDATORS) {
            throw new IllegalArgumentException("a validator set has at most " + Limits.MAX_VALIDATORS
                    + " validators, got " + validators.size());
        }
        return new ValidatorSet(validators);
    }

    /** The validators, in set order. */
    public List<Validator> validators() {
        return validators;
    }

    /** Number of validators. */
    public int size() {
        return validators.size();
    }

    /** Sum of all voting power. */
    public long totalPower() {
        return totalPower;
    }

    /** The validator with this BID address, if it is a member. */
    public Optional<Validator> validator(final String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** Whether this BID address is a member. */
    public boolean contains(final String address) {
        return byAddress.containsKey(address);
    }

    /** Voting power of a member, 0 for a non-member. */
    public long powerOf(final String address) {
        final Validator validator = byAddress.get(address);
        return validator == null ? 0 : validator.votingPower();
    }

    /** Whether {@code power} is a quorum: more than two thirds of the total. */
    public boolean isQuorum(final long power) {
        return power * 3 > totalPower * 2;
    }

    /** Whether {@code power} is more than one third of the total, so that it includes a correct validator. */
    public boolean exceedsOneThird(final long power) {
        return power * 3 > totalPower;
    }

    /** The set's commitment, {@link ValidatorsHash}: the one ledger headers and blocks carry. */
    public ByteString hash() {
        return hash;
    }

    /** The validator that proposes in this height and round. */
    public Validator proposer(final long height, final int round) {
        Verify.that(height >= 0 && round >= 0, "height and round are not negative");
        final int length = proposerCycle.length;
        final int slot = (int) ((Math.floorMod(height, length) + (long) round) % length);
        return validators.get(proposerCycle[slot]);
    }

    /** Length of the proposer cycle, after which the rotation repeats. */
    public int proposerCycleLength() {
        return proposerCycle.length;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ValidatorSet && validators.equals(((ValidatorSet) other).validators);
    }

    @Override
    public int hashCode() {
        return validators.hashCode();
    }

    @Override
    public String toString() {
        return "ValidatorSet" + validators.stream().map(v -> v.address() + "=" + v.votingPower()).toList();
    }

    private static ByteString computeHash(final List<Validator> validators) {
        return ByteString.copyFrom(ValidatorsHash.of(validators.stream()
                .map(validator -> new ValidatorsHash.Entry(validator.address(), validator.publicKey().encoded(),
                        validator.votingPower()))
                .toList()));
    }

    private static short[] computeProposerCycle(final List<Validator> validators) {
        long divisor = 0;
        for (final Validator validator : validators) {
            divisor = gcd(divisor, validator.votingPower());
        }
        final long[] weights = new long[validators.size()];
        long cycleLength = 0;
        for (int index = 0; index < weights.length; index++) {
            weights[index] = validators.get(index).votingPower() / divisor;
            cycleLength += weights[index];
        }
        if (cycleLength > Limits.MAX_PROPOSER_CYCLE_LENGTH) {
            throw new IllegalArgumentException("voting powers divided by their common divisor " + divisor + " sum to "
                    + cycleLength + "; the proposer cycle allows at most " + Limits.MAX_PROPOSER_CYCLE_LENGTH);
        }
        final short[] cycle = new short[(int) cycleLength];
        final long[] priorities = new long[weights.length];
        for (int slot = 0; slot < cycle.length; slot++) {
            int chosen = 0;
            for (int index = 0; index < weights.length; index++) {
                priorities[index] += weights[index];
                if (priorities[index] > priorities[chosen]) {
                    chosen = index;
                }
            }
            priorities[chosen] -= cycleLength;
            cycle[slot] = (short) chosen;
        }
        return cycle;
    }

    private static long gcd(final long first, final long second) {
        return second == 0 ? first : gcd(second, first % second);
    }
}
