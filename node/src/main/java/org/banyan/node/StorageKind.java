package org.banyan.node;

import java.util.Arrays;
import java.util.Locale;

/** Where a node keeps its ledger. */
public enum StorageKind {
    /** RocksDB in the data directory: durable, the choice for every real node. */
    ROCKSDB,
    /** Memory only: everything is lost when the node stops; for tests and throwaway chains. */
    MEMORY;

    /** The name used in config files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} in a config file. */
    public static StorageKind fromConfigName(final String name) {
        return Arrays.stream(values())
            .filter(kind -> kind.configName().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown storage '" + name + "'; expected \"rocksdb\" or \"memory\""));
    }
}
