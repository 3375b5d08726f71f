/**
 * Tendermint-style BFT consensus (spec {@code consensus.md} §2) as a pure state machine.
 *
 * <p><b>Shape.</b> {@link org.banyan.consensus.Consensus#step} maps a {@link org.banyan.consensus.State} and an
 * {@link org.banyan.consensus.Event} to a {@link org.banyan.consensus.Transition}: the next state and a list of
 * {@link org.banyan.consensus.Action}s for the shell to carry out in order. Inputs are verified messages, timers,
 * validity verdicts, proposal content, commit acknowledgements and synced blocks; outputs are broadcasts, timers,
 * sign state to persist, blocks to validate, blocks to commit and evidence. The package does no I/O, starts no threads,
 * reads no clock and draws no randomness; signing is deterministic (Ed25519, or SM2 with RFC 6979 nonces).
 *
 * <p><b>Where the spec lives.</b> StartRound, R1–R8 and the timeouts: {@link org.banyan.consensus.RoundRules}, one
 * method per rule, named after it. Message admission (heights h and h+1, the round window, proofs of lock):
 * {@link org.banyan.consensus.MessageAdmission}. signAndBroadcast and the double-sign guard:
 * {@link org.banyan.consensus.Signer}, {@link org.banyan.consensus.DoubleSignGuard}. Quorums and equivocation:
 * {@link org.banyan.consensus.RoundVotes}. Every cap: {@link org.banyan.consensus.Limits}.
 *
 * <p><b>Wire details defined here.</b> Block header: the block with its transactions, last commit and evidence
 * replaced by commitments ({@link org.banyan.consensus.BlockHeaders}); block id: SHA-256 of a domain tag and the
 * header's bytes ({@link org.banyan.consensus.BlockId}); transaction inclusion: an RFC 6962 audit path to the header's
 * transactions root ({@link org.banyan.consensus.TransactionProof}). Signed bytes of votes and proposals: a domain
 * tag, the kind, the chain id and the fixed-width fields ({@link org.banyan.consensus.SignBytes}). Validator-set
 * hash and weighted proposer rotation: {@link org.banyan.consensus.ValidatorSet}. Persisted sign state:
 * {@link org.banyan.consensus.SignStateCodec}.
 *
 * <p><b>For the shell.</b> Verify signatures with {@link org.banyan.consensus.MessageVerifier} before a message
 * enters {@code step}, and certificates with {@link org.banyan.consensus.CommitCertificateVerifier} before a synced
 * block does; sync {@link org.banyan.consensus.Action.PersistSignState} before the next action; retransmit
 * {@link org.banyan.consensus.State#messagesOfHeight()} to peers that lack it; answer
 * {@link org.banyan.consensus.Action.Commit} with {@link org.banyan.consensus.Event.CommitApplied} carrying the
 * validator set of the height after next.
 */
package org.banyan.consensus;
