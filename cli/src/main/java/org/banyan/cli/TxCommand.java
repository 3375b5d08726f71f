package org.banyan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code banyan tx}: submit and look up transactions. */
@Command(name = "tx", description = "Submit and look up transactions.",
        subcommands = {TxCommand.Pay.class, TxCommand.CreateAccount.class, TxCommand.SetMetadata.class,
                TxCommand.Get.class})
final class TxCommand {

    @Mixin
    HelpOption help;


    /** {@code banyan tx pay}: pays coin to an account, creating it when it does not exist yet. */
    @Command(name = "pay", description = {"Pay glowstone to an account. Paying at least the chain's base reserve to an",
        "address that has no account yet creates it, as in BIF."})
    static final class Pay extends CliCommand {

        @Mixin
        TransactionOptions options;

        @Option(names = "--to", required = true, paramLabel = "ADDR", description = "Destination account address.")
        String destination;

        @Option(names = "--amount", required = true, paramLabel = "N", description = "Amount in glowstone (1 XHT = 10^8).")
        long amount;

        @Override
        int execute() {
            return TransactionSubmitter.submit(options, out(), builder -> builder.payCoin(destination, amount));
        }
    }

    /** {@code banyan tx create-account}: creates an account controlled by the destination's key. */
    @Command(name = "create-account", description = "Create an account (master weight 1, threshold 1) with an initial balance.")
    static final class CreateAccount extends CliCommand {

        @Mixin
        TransactionOptions options;

        @Option(names = "--dest", required = true, paramLabel = "ADDR", description = "Address of the new account.")
        String destination;

        @Option(names = "--balance", required = true, paramLabel = "N",
                description = "Initial balance in glowstone; at least the chain's base reserve (0.1 XHT = 10000000 on a dev chain).")
        long balance;

        @Override
        int execute() {
            return TransactionSubmitter.submit(options, out(), builder -> builder.createAccount(destination, balance));
        }
    }

    /** {@code banyan tx set-metadata}: sets a metadata entry of the key's account. */
    @Command(name = "set-metadata", description = "Set a metadata entry of the source account.")
    static final class SetMetadata extends CliCommand {

        @Mixin
        TransactionOptions options;

        @Option(names = "--name", required = true, paramLabel = "K", description = "Metadata key.")
        String name;

        @Option(names = "--value", required = true, paramLabel = "V", description = "Metadata value.")
        String value;

        @Option(names = "--version", defaultValue = "0", paramLabel = "N",
                description = "Expected current version of the entry; 0 skips the check (default: ${DEFAULT-VALUE}).")
        long version;

        @Override
        int execute() {
            return TransactionSubmitter.submit(options, out(),
                    builder -> builder.setMetadata(name, value, version, false));
        }
    }

    /** {@code banyan tx get}: prints a committed transaction. */
    @Command(name = "get", description = "Print a committed transaction as JSON.")
    static final class Get extends CliCommand {

        @Mixin
        NodeOption node;

        @Parameters(index = "0", paramLabel = "HASH", description = "Transaction hash (hex).")
        String hash;

        @Override
        int execute() {
            JsonOutput.print(out(), JsonOutput.transaction(node.client().getTransaction(hash)));
            return ExitCode.OK;
        }
    }
}
