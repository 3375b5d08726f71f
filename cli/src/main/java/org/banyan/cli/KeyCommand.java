package org.banyan.cli;

import java.security.SecureRandom;
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

        @Mixin
        AcCodeOption ac;

        @Override
        int execute() {
            out().println(KeyFile.generate(type, ac.checked(), new SecureRandom()).toJson());
            return ExitCode.OK;
        }
    }

    /** {@code banyan key address}: prints the address of a public key. */
    @Command(name = "address", description = "Print the address of a public key.")
    static final class AddressOf extends CliCommand {

        @Option(names = "--public-key", required = true, paramLabel = "HEX",
                description = "Encoded public key (b065…/b07a…).")
        String publicKey;

        @Mixin
        AcCodeOption ac;

        @Override
        int execute() {
            PublicKey key = PublicKey.parse(publicKey);
            out().println(ac.checked().map(key::address).orElseGet(key::address));
            return ExitCode.OK;
        }
    }
}
