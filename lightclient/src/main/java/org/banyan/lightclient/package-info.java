/**
 * Pure verification of another chain from its certified headers, shared by the chain-group contracts (the main chain
 * following each sub-chain, each sub-chain following the main chain) and the SDK.
 *
 * <p>{@link org.banyan.lightclient.LightClient#update} is the rule of the chain-group design, section 2: it takes a
 * {@link org.banyan.lightclient.ClientState} and a {@code CertifiedHeader} and returns an
 * {@link org.banyan.lightclient.UpdateResult}: a new state with the {@link org.banyan.lightclient.Anchor} of the
 * height, a refusal, or misbehaviour that freezes the client. States and anchors have strict JSON forms, because the
 * contracts store them as metadata. Against an anchor, {@link org.banyan.lightclient.TransactionProof} proves a
 * transaction, {@link org.banyan.lightclient.AccountStateProof} an account, and against any verified state root
 * {@link org.banyan.lightclient.EntryProof} proves one metadata entry; each has a compact binary form with caps
 * ({@link org.banyan.lightclient.Limits}) and a base64 form for JSON.
 *
 * <p>Untrusted input never throws: decoders return {@link org.banyan.lightclient.Checked}, proofs
 * {@link org.banyan.lightclient.Proven} or {@code Checked}, each refusal with a reason in plain English. The package
 * does no I/O, starts no threads, reads no clock and draws no randomness.
 */
package org.banyan.lightclient;
