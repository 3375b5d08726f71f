/**
 * Deterministic simulation of whole Banyan networks (spec {@code consensus.md} §3.2), in the manner of FoundationDB's
 * simulator and TigerBeetle's VOPR.
 *
 * <p>{@link org.banyan.sim.Simulation#run} builds N nodes, each the real consensus core and the real ledger on a
 * memory store, wired by a shell ({@code SimNode}) that does what the production node does: sync the sign state
 * before a vote leaves, commit each block with its certificate in one ledger write, retransmit when stuck, serve
 * block sync. Everything runs in one thread on a virtual clock, from one {@link java.util.SplittableRandom} split in a
 * fixed order, so a seed replays exactly; the trace hash proves it.
 *
 * <p>Faults before GST, by {@link org.banyan.sim.FaultProfile}: delay, drop, duplication and reordering; partitions
 * and heals; crashes, also in the middle of a step, that lose unsynced writes; clock offset and drift; validator-set
 * changes through the ledger's governance contract; and, in a profile of its own, floods of votes and junk
 * transactions. Byzantine validators ({@link org.banyan.sim.ByzantineBehavior}), at most f: equivocating proposer,
 * double voter, silent, amnesiac, Twins. A checker watches the cluster for every invariant of spec §3.3, S1–S10, as
 * nodes sign, receive, step, decide and commit, and again at the end; after GST every correct node must commit
 * further heights (L1, L2), also across validator-set changes (L5), while faulty proposers cost bounded rounds (L3)
 * and delivered transactions commit within bounded heights (L4). Planted bugs
 * ({@link org.banyan.sim.InjectedBug}) prove that each check catches what it claims to.
 *
 * <p>Replay a failure with the printed command, for example
 * {@code ./banyan sim --nodes 4 --seeds 17..17 --byzantine 1 --faults all}.
 */
package org.banyan.sim;
