package org.banyan.store;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Supplies every {@link KeyValueStore} implementation, so one contract test covers them all. */
final class StoreImplementations implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(
            final ParameterDeclarations parameters, final ExtensionContext context) {
        return Stream.of(StoreFactory.MEMORY, StoreFactory.ROCKS).map(Arguments::of);
    }
}
