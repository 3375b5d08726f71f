package org.banyan.crypto;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators shared by the crypto tests. */
final class Generators {

    private Generators() {
    }

    /** Byte arrays of a length in the range; shrinks towards short arrays of zero bytes. */
    static Gen<byte[]> bytes(final int minLength, final int maxLength) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(minLength, maxLength)
                .map(Generators::toBytes)
                .describedAs(Hex::encode);
    }

    /** Private keys of both types, derived from generated raw bytes. */
    static Gen<PrivateKey> privateKeys() {
        return arbitrary().enumValues(KeyType.class).zip(bytes(32, 32), (type, raw) -> {
            final SecureRandom random = seededRandom(raw);
            return PrivateKey.generate(type, random);
        }).describedAs(key -> key.type() + " " + key.encoded());
    }

    /** Optional AC codes: absent, or 4 lower-case letters and digits. */
    static Gen<Optional<String>> acCodes() {
        return textOf("abcdefghijklmnopqrstuvwxyz0123456789", 4, 4).toOptionals(30);
    }

    /** Strings of a length in the range over the given characters. */
    static Gen<String> textOf(final String characters, final int minLength, final int maxLength) {
        final List<Character> choices = characters.chars().mapToObj(code -> (char) code).toList();
        return lists().of(arbitrary().pick(choices)).ofSizeBetween(minLength, maxLength).map(list -> {
            final StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }

    /** A deterministic {@link SecureRandom}: SHA1PRNG seeded before first use never mixes in system entropy. */
    static SecureRandom seededRandom(final byte[] seed) {
        try {
            final SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }

    private static byte[] toBytes(final List<Integer> values) {
        final byte[] bytes = new byte[values.size()];
        for (int index = 0; index < bytes.length; index++) {
            bytes[index] = values.get(index).byteValue();
        }
        return bytes;
    }
}
