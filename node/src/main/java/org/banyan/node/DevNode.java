package org.banyan.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PrivateKey;
import org.banyan.ledger.FeeSchedule;
import org.banyan.chaingroup.ChainRole;
import org.banyan.ledger.Genesis;
import org.banyan.ledger.GenesisAccount;
import org.banyan.ledger.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node development chain in a directory: a main chain, or a sub-chain with an AC code. The first start creates
 * {@code genesis.json} and a fresh Ed25519 key in {@code keys/genesis-account.json} (the JSON {@code banyan key
 * generate} prints, with the sub-chain address {@code did:bid:<ac>:…} on a sub-chain); that account holds
 * {@link #GENESIS_BALANCE}, governs the chain and is its validator. Later starts reuse both and resume from the last
 * committed ledger in RocksDB under the same directory.
 */
public final class DevNode implements AutoCloseable {

    /** 10^17 glowstone = one billion XHT: more than any test or demo will spend, far from int64 overflow. */
    public static final long GENESIS_BALANCE = 100_000_000_000_000_000L;

    /** The dev chain's id. Transactions without a chain id are accepted too, as the official SDK sends them. */
    public static final long CHAIN_ID = 1;

    /** The official SDK's default gas price, so that SDK calls with default fees work out of the box. */
    public static final long MIN_GAS_PRICE = 100;

    /** 0.1 XHT, the reserve BIF's documentation asks every account to keep. */
    public static final long BASE_RESERVE = 10_000_000;

    /** The genesis file, relative to the data directory. */
    public static final String GENESIS_FILE = "genesis.json";

    /** The genesis account's key file, relative to the data directory. */
    public static final String KEY_FILE = "keys/genesis-account.json";

    private static final Logger LOG = LoggerFactory.getLogger(DevNode.class);

    private final Node node;
    private final Info info;

    private DevNode(final Node node, final Info info) {
        this.node = node;
        this.info = info;
    }

    /**
     * Where a dev chain keeps its files and how to reach it.
     *
     * @param created true when this start created the chain, false when it resumed one
     */
    public record Info(Path dataDirectory, Path genesisFile, Path keyFile, String genesisAccount, String httpUrl,
                       boolean created) {
    }

    /** Starts (creating on first use) the dev chain in {@code dataDirectory}, with BIF's ledger timing. */
    public static DevNode start(final Path dataDirectory, final int httpPort, final Clock clock) {
        return start(dataDirectory, httpPort, clock, LedgerTiming.DEFAULTS, Optional.empty());
    }

    /**
     * Starts (creating on first use) the dev chain in {@code dataDirectory}; port 0 picks a free port. A new chain is
     * the sub-chain of {@code acCode} when one is given, else a main chain; a chain that exists keeps what it is, and
     * asking for another AC code is an error.
     */
    public static DevNode start(final Path dataDirectory, final int httpPort, final Clock clock,
                                final LedgerTiming timing, final Optional<String> acCode) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(acCode, "acCode");
        final Path genesisFile = dataDirectory.resolve(GENESIS_FILE);
        final Path keyFile = dataDirectory.resolve(KEY_FILE);
        final boolean created = !Files.exists(genesisFile);
        if (created) {
            createChain(dataDirectory, genesisFile, keyFile, clock, acCode);
        }
        final ChainGenesis chain = GenesisConfig.load(genesisFile);
        if (acCode.isPresent() && !acCode.equals(chain.acCode())) {
            throw new IllegalArgumentException(dataDirectory + " holds " + chain.acCode().map(code -> "sub-chain " + code)
                .orElse("a main chain") + ", not sub-chain " + acCode.get());
        }
        final NodeConfig config = NodeConfig.defaults(dataDirectory, genesisFile).withHttpPort(httpPort).withTiming(timing);
        final Node node = Node.start(config, chain, clock);
        final Info info = new Info(dataDirectory, genesisFile, keyFile, chain.genesis().governanceAccount(),
            "http://" + config.httpHost() + ":" + node.httpPort(), created);
        LOG.info("Dev chain {} in {}: genesis {}, genesis account {} with its key in {}, API at {}",
            created ? "created" : "resumed", dataDirectory, genesisFile, info.genesisAccount(), keyFile, info.httpUrl());
        return new DevNode(node, info);
    }

    private static void createChain(final Path dataDirectory, final Path genesisFile, final Path keyFile,
                                    final Clock clock, final Optional<String> acCode) {
        // A key file without a genesis is left from an interrupted first start: keep that key rather than lose it.
        final PrivateKey key = Files.exists(keyFile) ? readKey(keyFile) : writeKey(keyFile, acCode);
        final String address = acCode.map(code -> key.publicKey().address(code)).orElseGet(() -> key.publicKey().address())
            .toString();
        final long closeTimeMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        final Genesis genesis = new Genesis(CHAIN_ID, true, closeTimeMicros, address,
            List.of(new GenesisAccount(address, GENESIS_BALANCE)), List.of(new Validator(key.publicKey().encoded(), 1)),
            new FeeSchedule(MIN_GAS_PRICE, BASE_RESERVE))
            // A dev main chain is a test network: any account may transact without certification.
            .withRules(acCode.isPresent() ? Map.of() : new ChainRole.Main(true).rules());
        writeAtomically(dataDirectory, genesisFile, GenesisConfig.toJson(new ChainGenesis(genesis, acCode)), "rw-r--r--");
    }

    private static PrivateKey writeKey(final Path keyFile, final Optional<String> acCode) {
        final PrivateKey key = PrivateKey.generate(KeyType.ED25519, new SecureRandom());
        final ObjectNode json = ConfigJson.MAPPER.createObjectNode()
            .put("address", acCode.map(code -> key.publicKey().address(code)).orElseGet(() -> key.publicKey().address())
                .toString())
            .put("public_key", key.publicKey().encoded())
            .put("private_key", key.encoded());
        try {
            Files.createDirectories(keyFile.getParent());
            final String text = ConfigJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
            // The file holds a private key in the clear: owner only.
            writeAtomically(keyFile.getParent(), keyFile, text, "rw-------");
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be serialized", e);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the key file " + keyFile + ": " + e.getMessage(), e);
        }
        return key;
    }

    private static PrivateKey readKey(final Path keyFile) {
        return PrivateKey.parse(ConfigJson.read(keyFile).requiredText("private_key"));
    }

    /**
     * Writes through a temporary file and a rename, so a crash never leaves a half-written file. The temporary
     * file starts owner-only; {@code permissions} (POSIX, where supported) are set before the rename.
     */
    private static void writeAtomically(final Path directory, final Path file, final String content,
                                        final String permissions) {
        try {
            Files.createDirectories(directory);
            final Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, content);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the chain's files are and how to reach it. */
    public Info info() {
        return info;
    }

    /** The running node. */
    public Node node() {
        return node;
    }

    /** Stops the node; the chain stays in the directory for the next start. */
    @Override
    public void close() {
        node.close();
    }
}
