package org.banyan.cli;

import org.banyan.sdk.BanyanClient;
import picocli.CommandLine.Option;

/** The {@code --node URL} option of every command that talks to a node. */
final class NodeOption {

    /** Where {@code banyan dev} listens by default. */
    static final String DEFAULT_NODE_URL = "http://127.0.0.1:" + DevCommand.DEFAULT_HTTP_PORT;

    @Option(names = "--node", paramLabel = "URL", defaultValue = DEFAULT_NODE_URL,
            description = "The node's HTTP API (default: ${DEFAULT-VALUE}).")
    String nodeUrl;

    BanyanClient client() {
        return BanyanClient.connect(nodeUrl);
    }
}
