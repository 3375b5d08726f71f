package org.banyan.sim;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.banyan.consensus.CommitCertificateVerifier;
import org.banyan.consensus.MessageVerifier;
import org.banyan.consensus.RoundTimeout;
import org.banyan.consensus.SignatureVerifier;
import org.banyan.consensus.Timeouts;
import org.banyan.ledger.Genesis;

/** What the nodes of one run share: the kernel, the network, the application's rules, and the checker. */
final class World {

    /** The chain id every simulated signature carries. */
    static final long CHAIN_ID = 77;

    /** Close time of the genesis ledger, in microseconds; virtual time starts one second later. */
    static final long GENESIS_MICROS = 1_700_000_000_000_000L;

    /**
     * Consensus timers for a simulated LAN (median latency ~5 ms): short, so that a run covers many heights, and
     * capped at 2 s, so that rounds grown during a long partition recover quickly after GST.
     */
    static final Timeouts TIMEOUTS = new Timeouts(new RoundTimeout(300, 100), new RoundTimeout(150, 50),
            new RoundTimeout(150, 50), 100, 2_000);

    final SimulationOptions options;
    final Scheduler scheduler;
    final FaultCounts counts = new FaultCounts();
    final TraceHash trace = new TraceHash();
    final SignatureRegistry registry = new SignatureRegistry(CHAIN_ID);
    final TransactionCache transactions = new TransactionCache();
    final MessageVerifier messages;
    final CommitCertificateVerifier certificates;
    final ValidatorSets validatorSets = new ValidatorSets();
    final Genesis genesis;
    final ByteString genesisId;
    final Workload workload;
    final List<SimNode> nodes = new ArrayList<>();
    Network network;
    FaultInjector faults;
    InvariantChecker checker;

    World(final SimulationOptions options, final Genesis genesis, final ByteString genesisId, final Workload workload) {
        this.options = options;
        this.scheduler = new Scheduler(GENESIS_MICROS + 1_000_000);
        final SignatureVerifier verifier = options.signatures() == SignatureMode.REAL
                ? SignatureVerifier.PUBLIC_KEY : registry.verifier();
        this.messages = new MessageVerifier(CHAIN_ID, verifier);
        this.certificates = new CommitCertificateVerifier(CHAIN_ID, verifier);
        this.genesis = genesis;
        this.genesisId = genesisId;
        this.workload = workload;
    }

    long nowMicros() {
        return scheduler.nowMicros();
    }
}
