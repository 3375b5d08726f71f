package org.banyan.lightclient;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.banyan.crypto.Address;
import org.banyan.crypto.Hashes;
import org.banyan.crypto.KeyType;

/**
 * Where a main chain keeps the facts other chains prove: the chain-group contract's address and the metadata keys of
 * its anchors and supervision orders. Defined here, once, because both the contract that writes them and every
 * verifier that reads them (the SDK, a sub-chain's main-chain client) must agree on them byte for byte.
 */
public final class ChainGroupEntries {

    /** The main chain's chain-group system contract: an address derived from a fixed tag, so no key controls it. */
    public static final String CHAIN_GROUP_CONTRACT = systemAddress("banyan/system/chain-group");

    private ChainGroupEntries() {
    }

    /** The address of a system contract named by {@code tag}. */
    public static String systemAddress(final String tag) {
        return Address.of(KeyType.ED25519,
            Arrays.copyOfRange(Hashes.sha256(tag.getBytes(StandardCharsets.UTF_8)), 10, 32), Optional.empty()).toString();
    }

    /** The key of sub-chain {@code ac}'s anchor at {@code height}. */
    public static String anchor(final String ac, final long height) {
        return "anchor/" + ac + "/" + height;
    }

    /** The key of supervision order {@code n} (from 1) of sub-chain {@code ac}. */
    public static String order(final String ac, final long n) {
        return "order/" + ac + "/" + n;
    }
}
