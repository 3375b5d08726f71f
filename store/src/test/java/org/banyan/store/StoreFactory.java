package org.banyan.store;

import java.nio.file.Path;
import java.util.function.Function;

/** Opens one {@link KeyValueStore} implementation in a test's temporary directory. */
record StoreFactory(String name, Function<Path, KeyValueStore> opener) {

    /** The in-memory store; ignores the directory. */
    static final StoreFactory MEMORY = new StoreFactory("MemoryStore", directory -> new MemoryStore());

    /** The RocksDB store in the directory. */
    static final StoreFactory ROCKS = new StoreFactory("RocksStore", RocksStore::open);

    /** Opens a store whose data lives under {@code directory}. */
    KeyValueStore open(final Path directory) {
        return opener.apply(directory);
    }

    @Override
    public String toString() {
        return name;
    }
}
