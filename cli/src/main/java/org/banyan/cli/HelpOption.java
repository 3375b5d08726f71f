package org.banyan.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} for every command below {@code banyan}. Not picocli's standard mixin: its per-command
 * {@code --version} would print nothing, and {@code tx set-metadata --version} is the metadata entry's version.
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
