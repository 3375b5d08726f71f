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
 * changes through the ledger's governance contract. Byzantine validators ({@link org.banyan.sim.ByzantineBehavior}),
 * at most f: equivocating proposer, double voter, silent, amnesiac, Twins. A checker watches the cluster for S1–S5,
 * S7 and S8 on every commit and signature; after GST every correct node must commit further heights (L1, L2).
 *
 * <p>Replay a failure with the printed command, for example
 * {@code ./banyan sim --nodes 4 --seeds 17..17 --byzantine 1 --faults all}.
 */
package org.banyan.sim;
