package org.banyan.consensus;

import java.util.Objects;
import java.util.Optional;

/**
 * Tendermint-style BFT consensus (Buchman, Kwon, Milosevic 2018; spec {@code consensus.md} §2) as a pure state
 * machine: {@link #step} maps a state and an input event to the next state and a list of actions. It does no I/O,
 * reads no clock, starts no thread and draws no randomness, so a simulator can run many nodes in one thread from one
 * seed and replay any run exactly.
 *
 * <p><b>Shell contract.</b> One thread feeds events in order and carries out each transition's actions in order. It
 * verifies message signatures before {@link Event.MessageReceived} ({@link MessageVerifier}) and certificates before
 * {@link Event.BlockSynced} ({@link CommitCertificateVerifier}); it syncs {@link Action.PersistSignState} before the
 * next action; it stores and executes {@link Action.Commit} and answers with {@link Event.CommitApplied}; it answers
 * {@link Action.ValidateBlock} and {@link Action.RequestProposalContent}; it delivers timers; and it retransmits
 * {@link State#messagesOfHeight()} to peers that lack them and serves committed blocks to peers behind.
 *
 * <p><b>Map to the spec.</b> {@link RoundRules} holds StartRound, R1–R8 and the timeouts under their spec names;
 * {@link MessageAdmission} holds message admission; {@link Signer} and {@link DoubleSignGuard} hold signAndBroadcast
 * and the double-sign guard; {@link State} holds the node state of §2.3.
 */
public final class Consensus {

    private final ConsensusConfig config;
    private final MessageAdmission admission = new MessageAdmission();
    private final RoundRules rules;

    public Consensus(final ConsensusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.rules = new RoundRules(config, new Signer(config), admission);
    }

    /** The configuration this core runs with. */
    public ConsensusConfig config() {
        return config;
    }

    /**
     * Starts or restarts at a height. After a restart in the middle of a height, the node resumes in the round and
     * step of its last signed message, re-sends that message (it is already persisted, so nothing new is signed), and
     * restarts that step's timer; the restored lock and valid value keep it from voting against what it voted before.
     * A node that found a value valid in a later round than it last signed in (it signed nothing there: it was not a
     * validator, or the guard refused) starts the round after it, so that its lock is never from a future round and
     * a re-proposal of the valid value names an earlier round.
     */
    public Transition start(final StartPoint start) {
        final State state = new State(start);
        final Outbox out = new Outbox();
        final Optional<ConsensusMessage> resumed = start.signState().lastSigned()
                .filter(message -> message.height() == start.height());
        final Optional<Integer> validRound = state.valid.map(RoundValue::round);
        if (resumed.isPresent() && resumed.get().round() >= validRound.orElse(0)) {
            resume(state, resumed.get(), out);
        } else {
            rules.startRound(state, validRound.map(round -> round + 1).orElse(0), out);
        }
        return finish(state, out);
    }

    /** Applies one event. The given state is consumed: keep only the one in the returned transition. */
    public Transition step(final State state, final Event event) {
        final Outbox out = new Outbox();
        if (event instanceof Event.MessageReceived received) {
            admission.admit(state, received.message(), out);
        } else if (event instanceof Event.TimeoutElapsed timeout) {
            rules.onTimeout(state, timeout, out);
        } else if (event instanceof Event.BlockValidated validated) {
            recordValidity(state, validated);
        } else if (event instanceof Event.ProposalContentReady ready) {
            rules.onProposalContent(state, ready, out);
        } else if (event instanceof Event.CommitApplied applied) {
            rules.onCommitApplied(state, applied, out);
        } else {
            rules.onBlockSynced(state, ((Event.BlockSynced) event).committed(), out);
        }
        return finish(state, out);
    }

    /** Re-enters the round and step of the last signed message and sends it again. */
    private void resume(final State state, final ConsensusMessage resumed, final Outbox out) {
        final SignedStep signed = resumed.signedStep();
        state.round = signed.round();
        state.step = switch (signed.kind()) {
            case PROPOSAL -> RoundStep.PROPOSE;
            case PREVOTE -> RoundStep.PREVOTE;
            case PRECOMMIT -> RoundStep.PRECOMMIT;
        };
        final TimeoutKind timer = switch (signed.kind()) {
            case PROPOSAL -> TimeoutKind.PROPOSE;
            case PREVOTE -> TimeoutKind.PREVOTE;
            case PRECOMMIT -> TimeoutKind.PRECOMMIT;
        };
        out.add(new Action.Broadcast(resumed));
        out.add(new Action.ScheduleTimeout(timer, state.height, state.round,
                config.timeouts().durationMillis(timer, state.round)));
        admission.admit(state, resumed, out);
    }

    private Transition finish(final State state, final Outbox out) {
        rules.advance(state, out);
        state.verifyInvariants();
        return new Transition(state, out.actions());
    }

    private static void recordValidity(final State state, final Event.BlockValidated validated) {
        if (validated.height() == state.height && state.validationRequested.remove(validated.blockId())) {
            state.validity.put(validated.blockId(), validated.valid());
        }
    }
}
