package org.banyan.ledger;

/**
 * A contract compiled into the node: BIF contract type 2 ({@code SYSTEM}). It is called like any BIF contract, with a
 * PAY_COIN of amount 0 to its address carrying the JSON call in {@code input}, and it keeps its state in the metadata
 * of its own account, which the state tree commits to, so every value it stores has a proof.
 *
 * <p>Implementations run inside ledger execution and must be deterministic: the same context gives the same result
 * and the same writes on every node. They read no clock, do no I/O and draw no randomness; time and state come from
 * the context. A failing call fails its transaction, and nothing the call wrote is kept.
 */
public interface SystemContract {

    /** The contract's BID address; calls are PAY_COIN operations to it. */
    String address();

    /** Executes one call inside a ledger close (or a fee evaluation). */
    CallResult call(CallContext context);

    /** Answers a read-only query on the last committed ledger; it cannot write. */
    Outcome<String> query(QueryContext context);
}
