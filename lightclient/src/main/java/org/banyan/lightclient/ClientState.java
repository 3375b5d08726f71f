package org.banyan.lightclient;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.banyan.consensus.BlockId;
import org.banyan.consensus.ValidatorSet;

/**
 * What a light client knows of one followed chain (design section 2): the chain id its votes are signed for, the
 * validator set it trusts for the next height it will accept, the latest height it anchored and that block's id, and,
 * once it has seen two certified headers for one height, why it is frozen. Immutable; an update returns a new state.
 *
 * <p>{@code latestBlockId} is empty before the first anchor and after a governance reset, which names a height but no
 * block. {@code validatorsHash} is the set's commitment ({@code ValidatorsHash}); the constructor checks it, so a state
 * never carries a hash of another set.
 */
public record ClientState(long chainId, List<TrustedValidator> validators, ByteString validatorsHash,
                          long latestHeight, Optional<BlockId> latestBlockId, Optional<Frozen> frozen) {

    /** Why a client stopped accepting updates, and the evidence that made it stop. */
    public record Frozen(String reason, String evidence) {
        public Frozen {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /**
     * @throws IllegalArgumentException if the validators are not a valid consensus set, the hash is not theirs, the
     *     height is negative or a block id is given for height 0
     */
    public ClientState {
        validators = List.copyOf(validators);
        Objects.requireNonNull(validatorsHash, "validatorsHash");
        Objects.requireNonNull(latestBlockId, "latestBlockId");
        Objects.requireNonNull(frozen, "frozen");
        final ByteString expectedHash = validatorSetOf(validators).hash();
        if (!expectedHash.equals(validatorsHash)) {
            throw new IllegalArgumentException("the validators hash " + Bytes.hex(validatorsHash)
                    + " is not the hash of the validators, " + Bytes.hex(expectedHash));
        }
        if (latestHeight < 0) {
            throw new IllegalArgumentException("the latest height must not be negative, got " + latestHeight);
        }
        if (latestHeight == 0 && latestBlockId.isPresent()) {
            throw new IllegalArgumentException("a client that anchored nothing has no latest block id");
        }
    }

    /** Whether misbehaviour has frozen this client. */
    public boolean isFrozen() {
        return frozen.isPresent();
    }

    /** This state as the JSON text chain-group contracts store. */
    public String toJson() {
        return ClientStateJson.write(this);
    }

    /** Parses {@link #toJson()} output strictly: unknown, missing or mistyped fields are refused, never guessed. */
    public static Checked<ClientState> fromJson(final String json) {
        return ClientStateJson.read(json);
    }

    /** The trusted set, ready for certificate checks. */
    ValidatorSet validatorSet() {
        return validatorSetOf(validators);
    }

    /**
     * The consensus set of these validators, in order.
     *
     * @throws IllegalArgumentException if they are not a valid consensus set (empty, too many, a key twice, powers
     *     past the consensus caps)
     */
    static ValidatorSet validatorSetOf(final List<TrustedValidator> validators) {
        return ValidatorSet.of(validators.stream().map(TrustedValidator::toConsensus).toList());
    }
}
