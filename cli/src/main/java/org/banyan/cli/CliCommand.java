package org.banyan.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.banyan.sdk.BanyanException;
import org.banyan.sdk.NodeConnectionException;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Base of every command that does work. Expected failures become one line on stderr and an exit code, here rather
 * than in a picocli handler, so the behaviour is the same however the {@link CommandLine} was built.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    /** Does the command's work and returns its exit code. */
    abstract int execute();

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (BanyanException e) {
            return fail(ExitCode.SOFTWARE, "node error " + e.errorCode() + ": " + e.errorDesc(), e);
        } catch (NodeConnectionException | UncheckedIOException | CommandFailedException | IllegalStateException e) {
            return fail(ExitCode.SOFTWARE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            return fail(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /** Where output for programs goes (JSON). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private int fail(final int exitCode, final String message, final Exception cause) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + Objects.requireNonNullElse(message, cause.getClass().getSimpleName()));
        if (spec.root().userObject() instanceof Main main && main.verbose()) {
            cause.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }
}
