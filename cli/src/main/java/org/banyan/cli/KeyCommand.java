package org.banyan.cli;

import java.security.SecureRandom;
import java.util.Optional;
import org.banyan.crypto.BidSyntax;
import org.banyan.crypto.KeyType;
import org.banyan.crypto.PublicKey;
import org.banyan.sdk.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code banyan key}: offline key and address tools. */
@Command(name = "key", description = "Generate keys and derive addresses (offline).",
        subcommands = {KeyCommand.Generate.class, KeyCommand.AddressOf.class})
final class KeyCommand {

    @Mixin
    HelpOption help;


    /** {@code banyan key generate}: prints a new key file. */
    @Command(name = "generate", description = "Print a new key as JSON {\"address\",\"public_key\",\"private_key\"}.")
    static final class Generate extends CliCommand {

        @Option(names = "--type", defaultValue = "ed25519", converter = KeyTypeConverter.class,
                description = "ed25519 or sm2 (default: ${DEFAULT-VALUE}).")
        KeyType type;

        @Option(names = "--ac", paramLabel = "CODE",
                description = "AC code of the sub-chain (4 lower-case letters or digits).")
        Optional<String> acCode;

        @Override
        int execute() {
            acCode.ifPresent(KeyCommand::checkAcCode);
            out().println(KeyFile.generate(type, acCode, new SecureRandom()).toJson());
            return ExitCode.OK;
        }
    }

    /** {@code banyan key address}: prints the address of a public key. */
    @Command(name = "address", description = "Print the address of a public key.")
    static final class AddressOf extends CliCommand {

        @Option(names = "--public-key", required = true, paramLabel = "HEX",
                description = "Encoded public key (b065…/b07a…).")
        String publicKey;

        @Option(names = "--ac", paramLabel = "CODE",
                description = "AC code of the sub-chain (4 lower-case letters or digits).")
        Optional<String> acCode;

        @Override
        int execute() {
            acCode.ifPresent(KeyCommand::checkAcCode);
            PublicKey key = PublicKey.parse(publicKey);
            out().println(acCode.map(key::address).orElseGet(key::address));
            return ExitCode.OK;
        }
    }

    private static void checkAcCode(final String acCode) {
        if (!BidSyntax.isAcCode(acCode)) {
            throw new IllegalArgumentException("AC code must be 4 lower-case letters or digits, got '" + acCode + "'");
        }
    }
}
