package org.banyan.cli;

import java.nio.file.Path;
import java.util.Map;
import org.banyan.chaingroup.ChainRole;
import org.banyan.crypto.Hex;
import org.banyan.ledger.Ledger;
import org.banyan.ledger.Validator;
import org.banyan.node.ChainContracts;
import org.banyan.node.ChainGenesis;
import org.banyan.node.GenesisConfig;
import org.banyan.store.MemoryStore;

/** The genesis rules of a local chain group's chains, and the genesis hash a sub-chain's application names. */
final class GroupRules {

    private GroupRules() {
    }

    /** A main chain where only certified accounts transact. */
    static Map<String, String> mainChain() {
        return new ChainRole.Main(false).rules();
    }

    /** A sub-chain with AC code {@code ac} that trusts {@code main}'s super nodes as they are at registration. */
    static Map<String, String> subChain(final String ac, final NetworkManifest main) {
        return new ChainRole.Sub(ac, main.chainId(), main.validators().stream()
                .map(node -> new Validator(node.publicKey(), NetworkFiles.VALIDATOR_POWER)).toList()).rules();
    }

    /** The hash of the genesis ledger that the genesis file defines, as every node of that chain computes it. */
    static String genesisHash(final Path genesisFile) {
        ChainGenesis chain = GenesisConfig.load(genesisFile);
        try (MemoryStore store = new MemoryStore()) {
            return Hex.encode(Ledger.open(store, chain.genesis(), ChainContracts.of(chain)).lastHeader()
                    .getHash().toByteArray());
        }
    }
}
