package org.banyan.cli;

import java.util.Optional;
import org.banyan.crypto.BidSyntax;
import picocli.CommandLine.Option;

/** The {@code --ac CODE} option of commands that make sub-chain addresses. */
final class AcCodeOption {

    @Option(names = "--ac", paramLabel = "CODE", description = "AC code of the sub-chain (4 lower-case letters or digits).")
    Optional<String> acCode = Optional.empty();

    /** The AC code if one was given, after checking its syntax. */
    Optional<String> checked() {
        acCode.ifPresent(code -> {
            if (!BidSyntax.isAcCode(code)) {
                throw new IllegalArgumentException("AC code must be 4 lower-case letters or digits, got '" + code + "'");
            }
        });
        return acCode;
    }
}
