/**
 * The Banyan Java client: key files, transaction building and signing, the BIF 1.x node HTTP API, and offline
 * verification of account proofs.
 *
 * <p>Wire conventions follow the BIF 1.x node API: a transaction is the protobuf {@code Transaction} serialized once
 * (the "blob"); its hash is SHA-256 of the blob and every signature covers the blob bytes exactly. JSON uses the
 * protobuf field names in snake_case, int64 as numbers, bytes as lower-case hex and enums as numbers, names being
 * accepted too (see {@link org.banyan.protocol.json.BifJson}, shared with the node).
 */
package org.banyan.sdk;
