package org.banyan.cli;

import java.util.Locale;
import org.banyan.crypto.KeyType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code ed25519} or {@code sm2} in any case. */
final class KeyTypeConverter implements ITypeConverter<KeyType> {

    @Override
    public KeyType convert(final String value) {
        try {
            return KeyType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown key type '" + value + "'; use ed25519 or sm2");
        }
    }
}
