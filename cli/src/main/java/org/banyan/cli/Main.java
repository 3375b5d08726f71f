package org.banyan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code banyan} command. Exit codes: 0 success, 1 the node or the operation failed (a BIF error, an unreachable
 * node, a failed transaction), 2 invalid usage or input. Errors are one line on stderr; {@code --verbose} adds the
 * stack trace.
 */
@Command(name = "banyan",
        mixinStandardHelpOptions = true,
        versionProvider = BanyanVersion.class,
        description = "Banyan: a BIF 1.x compatible blockchain node and client.",
        subcommands = {KeyCommand.class, DevCommand.class, TxCommand.class, AccountCommand.class, LedgerCommand.class,
            BenchCommand.class, GenesisCommand.class, NodeCommand.class, TestnetCommand.class, UpCommand.class, GatewayCommand.class,
            SimCommand.class, DidCommand.class, VcCommand.class, ResolverCommand.class})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    private boolean verbose;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: key, dev, tx, account, ledger, bench, genesis, node, testnet, sim, did, vc or resolver");
    }

    boolean verbose() {
        return verbose;
    }
}
