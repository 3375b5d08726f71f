package org.banyan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code banyan account}: look up accounts. */
@Command(name = "account", description = "Look up accounts.", subcommands = AccountCommand.Get.class)
final class AccountCommand {

    @Mixin
    HelpOption help;


    /** {@code banyan account get}: prints an account with its metadata. */
    @Command(name = "get", description = "Print an account and its metadata as JSON.")
    static final class Get extends CliCommand {

        @Mixin
        NodeOption node;

        @Parameters(index = "0", paramLabel = "ADDR", description = "Account address.")
        String address;

        @Override
        int execute() {
            JsonOutput.print(out(), JsonOutput.account(node.client().getAccount(address)));
            return ExitCode.OK;
        }
    }
}
