/**
 * BID identity: documents and their proofs ({@code document}), the DDO system contract that keeps them on chain
 * ({@code ddo}), and the BIF and W3C resolution views ({@code resolution}). {@code json} holds the strict parser and
 * the RFC 8785 canonical form the proofs sign.
 */
package org.banyan.identity;
