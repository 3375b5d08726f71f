package org.banyan.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path directory;

    @Test
    void importsThePublishedVector() {
        KeyFile key = KeyFile.fromPrivateKey(TestKeys.PUBLISHED_PRIVATE_KEY, Optional.empty());

        assertThat(key.address()).isEqualTo("did:bid:ef18F9AVK4SQLZPRrPkrVWwp9kbpdXHx");
        assertThat(key.publicKey())
                .isEqualTo("b06566f76733ae048fda721d47afe8780b572636496c93253db86dc8d5427fc54e9a06");
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
    }

    @Test
    void generatesBothKeyTypesWithAndWithoutAnAcCode() {
        for (KeyType type : KeyType.values()) {
            KeyFile plain = KeyFile.generate(type, Optional.empty(), TestKeys.random(1));
            KeyFile subChain = KeyFile.generate(type, Optional.of("ab12"), TestKeys.random(2));

            assertThat(plain.type()).isEqualTo(type);
            assertThat(plain.address()).startsWith(type == KeyType.ED25519 ? "did:bid:ef" : "did:bid:zf");
            assertThat(subChain.address()).startsWith(type == KeyType.ED25519 ? "did:bid:ab12:ef" : "did:bid:ab12:zf");
            assertThat(plain.signingKey().publicKey().address().toString()).isEqualTo(plain.address());
        }
    }

    @Test
    void jsonRoundTripsWithTheDocumentedFieldNames() {
        KeyFile key = KeyFile.of(TestKeys.sm2(5), Optional.of("xy99"));

        String json = key.toJson();

        assertThat(json).contains("\"address\"", "\"public_key\"", "\"private_key\"");
        assertThat(KeyFile.fromJson(json)).isEqualTo(key);
    }

    @Test
    void savesOwnerOnlyAndLoadsBack() throws Exception {
        KeyFile key = KeyFile.of(TestKeys.ed25519(4));
        Path file = directory.resolve("keys/account.json");

        key.save(file);

        assertThat(KeyFile.load(file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void neverOverwritesAnExistingKeyFile() {
        Path file = directory.resolve("account.json");
        KeyFile.of(TestKeys.ed25519(4)).save(file);

        assertThatThrownBy(() -> KeyFile.of(TestKeys.ed25519(5)).save(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("already exists");
        assertThat(KeyFile.load(file)).isEqualTo(KeyFile.of(TestKeys.ed25519(4)));
    }

    @Test
    void loadsAFileOfExactlyTheMaximumSizeAndRejectsALargerOne() throws Exception {
        String json = KeyFile.of(TestKeys.ed25519(6)).toJson();
        Path atCap = directory.resolve("at-cap.json");
        Files.writeString(atCap, json + " ".repeat(KeyFile.MAX_FILE_BYTES - json.length()));
        Path overCap = directory.resolve("over-cap.json");
        Files.writeString(overCap, json + " ".repeat(KeyFile.MAX_FILE_BYTES - json.length() + 1));

        assertThat(Files.size(atCap)).isEqualTo(KeyFile.MAX_FILE_BYTES);
        assertThat(KeyFile.load(atCap).address()).isEqualTo(KeyFile.of(TestKeys.ed25519(6)).address());
        assertThatThrownBy(() -> KeyFile.load(overCap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the 65536");
    }

    @Test
    void keystoreRoundTripsAndRejectsAWrongPassword() {
        KeyFile key = KeyFile.of(TestKeys.ed25519(7));

        String keystore = key.toKeystore("correct horse".toCharArray(), TestKeys.random(3));

        assertThat(KeyFile.fromKeystore(keystore, "correct horse".toCharArray(), Optional.empty())).isEqualTo(key);
        assertThatThrownBy(() -> KeyFile.fromKeystore(keystore, "wrong".toCharArray(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsFieldsThatDoNotBelongTogether() {
        KeyFile first = KeyFile.of(TestKeys.ed25519(1));
        KeyFile second = KeyFile.of(TestKeys.ed25519(2));

        assertThatThrownBy(() -> new KeyFile(second.address(), first.publicKey(), first.privateKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to the key");
        assertThatThrownBy(() -> new KeyFile(first.address(), second.publicKey(), first.privateKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to the private key");
    }

    @Test
    void malformedJsonGivesAClearMessage() {
        assertThatThrownBy(() -> KeyFile.fromJson("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> KeyFile.fromJson("[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> KeyFile.fromJson("{\"address\":\"x\",\"public_key\":\"y\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"private_key\"");
        assertThatThrownBy(() -> KeyFile.fromJson("{\"address\":\"x\",\"public_key\":\"y\",\"private_key\":\"priX\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        KeyFile key = KeyFile.of(TestKeys.ed25519(8));

        assertThat(key.toString()).contains(key.address()).doesNotContain(key.privateKey());
    }
}
