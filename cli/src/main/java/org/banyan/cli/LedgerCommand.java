package org.banyan.cli;

import java.util.Optional;
import org.banyan.sdk.BanyanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code banyan ledger}: look up ledgers. */
@Command(name = "ledger", description = "Look up ledgers.", subcommands = LedgerCommand.Get.class)
final class LedgerCommand {

    @Mixin
    HelpOption help;


    /** {@code banyan ledger get}: prints a ledger header, the latest when no sequence number is given. */
    @Command(name = "get", description = "Print a ledger (the latest without SEQ) as JSON.")
    static final class Get extends CliCommand {

        @Mixin
        NodeOption node;

        @Parameters(index = "0", arity = "0..1", paramLabel = "SEQ", description = "Ledger sequence number.")
        Optional<Long> seq;

        @Override
        int execute() {
            BanyanClient client = node.client();
            JsonOutput.print(out(), JsonOutput.ledger(seq.isPresent()
                    ? client.getLedger(seq.get())
                    : client.getLatestLedger()));
            return ExitCode.OK;
        }
    }
}
