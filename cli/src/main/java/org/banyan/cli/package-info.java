/**
 * The {@code banyan} command: offline key tools, the single-validator dev chain, and transaction, account and ledger
 * commands against a node's BIF HTTP API. Output for programs is JSON on stdout; errors are one English line on stderr
 * with exit code 1 (the node or the operation failed) or 2 (invalid usage or input).
 */
package org.banyan.cli;
