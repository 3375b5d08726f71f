package org.banyan.node.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.banyan.crypto.Address;
import org.banyan.crypto.BidSyntax;
import org.banyan.identity.BidResult;
import org.banyan.identity.ResultCode;
import org.banyan.identity.ddo.BidRecord;
import org.banyan.identity.document.BidDocument;
import org.banyan.identity.document.BidDocumentCodec;
import org.banyan.identity.document.Service;
import org.banyan.identity.document.TypeCodes;

/**
 * Finds the record of any BID the way RFC-005 resolves recursively: a BID of this chain from the chain itself (the
 * local directory); on the main chain, a sub-chain BID {@code did:bid:<ac>:…} through the main chain's AC-code
 * document {@code did:bid:<ac>}, whose {@code DIDSubResolver} service names the sub-chain's resolver, which is asked
 * over HTTP ({@link NodeRecords}) and whose answer is cached for the document's TTL ({@link RecordCache}).
 *
 * <p>An AC code without a live AC-code document gives {@link ResultCode#UNKNOWN_AC_CODE}. A sub-chain serves its own
 * BIDs only: any other BID gives {@link ResultCode#UNSUPPORTED}, since a sub-chain knows no way to the main chain.
 * Thread-safe.
 */
public final class RecursiveDirectory {

    private static final String[] WEB_SCHEMES = {"", "", "http", "https"};

    private final Optional<String> chainAcCode;
    private final Function<String, BidResult<BidRecord>> local;
    private final BiFunction<URI, String, BidResult<BidRecord>> remote;
    private final RecordCache cache;
    private final Clock clock;

    /**
     * @param chainAcCode the AC code of the chain {@code local} reads; empty for the main chain
     * @param local the records of that chain
     * @param remote reads a record from the resolver at a URL (normally {@link NodeRecords#find})
     * @param clock when cached records expire
     */
    public RecursiveDirectory(final Optional<String> chainAcCode, final Function<String, BidResult<BidRecord>> local,
                              final BiFunction<URI, String, BidResult<BidRecord>> remote, final RecordCache cache,
                              final Clock clock) {
        this.chainAcCode = Objects.requireNonNull(chainAcCode, "chainAcCode");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The directory of a standalone resolver in front of the node at {@code nodeUri} (its base URL), whose chain has
     * {@code chainAcCode}: that node's records, read over HTTP, and its sub-chains' through it.
     */
    public static RecursiveDirectory frontingNode(final URI nodeUri, final Optional<String> chainAcCode,
                                                  final Clock clock) {
        final NodeRecords records = new NodeRecords();
        return new RecursiveDirectory(chainAcCode, bid -> records.find(nodeUri, bid), records::find, new RecordCache(),
            clock);
    }

    /** The record of {@code bid}, live or deactivated, from wherever it lives. */
    public BidResult<BidRecord> find(final String bid) {
        if (isLocal(bid)) {
            return local.apply(bid);
        }
        final Optional<String> acCode = acCodeOf(bid);
        if (chainAcCode.isPresent()) {
            return BidResult.failed(ResultCode.UNSUPPORTED, "this is sub-chain " + chainAcCode.get() + ", which resolves"
                + " its own BIDs (did:bid:" + chainAcCode.get() + ":…) only; resolve " + bid + " on the main chain");
        }
        final long nowMillis = clock.millis();
        final Optional<BidRecord> cached = cache.get(bid, nowMillis);
        if (cached.isPresent()) {
            return BidResult.ok(cached.get());
        }
        final BidResult<BidRecord> found = subChainResolver(acCode.orElseThrow()).then(url -> remote.apply(url, bid));
        if (found.isOk()) {
            cache.put(found.value(), ttlSeconds(found.value()), nowMillis);
        }
        return found;
    }

    /**
     * Whether {@code bid} is answered from this chain's own state, without asking another resolver: every BID but a
     * sub-chain BID asked of the main chain or of another sub-chain.
     */
    public boolean isLocal(final String bid) {
        final Optional<String> acCode = acCodeOf(bid);
        return acCode.isEmpty() ? chainAcCode.isEmpty() || !BidSyntax.isValid(bid) : acCode.equals(chainAcCode);
    }

    /** The resolver URL in the live AC-code document of {@code acCode}. */
    private BidResult<URI> subChainResolver(final String acCode) {
        final String acBid = BidSyntax.METHOD_PREFIX + acCode;
        final BidResult<BidRecord> record = local.apply(acBid);
        if (!record.isOk() && record.error().code() != ResultCode.NOT_FOUND) {
            return BidResult.failed(record.error());
        }
        if (!record.isOk() || record.value().deactivated()) {
            return BidResult.failed(ResultCode.UNKNOWN_AC_CODE, "AC code " + acCode + " has no "
                + (record.isOk() ? "live " : "") + "AC-code document " + acBid + " on the main chain");
        }
        final BidDocument document = BidDocumentCodec.parse(record.value().documentJson().orElseThrow()).value().document();
        return document.services().stream().filter(service -> service.type().equals(TypeCodes.SUB_RESOLVER))
            .findFirst().map(RecursiveDirectory::resolverUrl)
            .orElse(BidResult.failed(ResultCode.UNKNOWN_AC_CODE, acBid + " names no " + TypeCodes.SUB_RESOLVER));
    }

    /**
     * The base URL of a {@code DIDSubResolver} service: the endpoint itself when it is an http(s) URL, else
     * {@code http(s)://endpoint[:port]} from its {@code protocol}. RFC-011's UDP and TCP protocols are not spoken.
     */
    static BidResult<URI> resolverUrl(final Service service) {
        final String endpoint = service.serviceEndpoint();
        final String text;
        if (endpoint.startsWith("http://") || endpoint.startsWith("https://")) {
            text = endpoint;
        } else {
            final int protocol = service.protocol().orElse(-1);
            if (protocol < 2 || protocol >= WEB_SCHEMES.length) {
                return BidResult.failed(ResultCode.UNSUPPORTED, "the sub-chain resolver " + endpoint + " speaks "
                    + (protocol < 0 ? "no named protocol" : "RFC-011 over " + (protocol == 0 ? "UDP" : "TCP"))
                    + "; this resolver asks sub-chains over HTTP(S) only");
            }
            text = WEB_SCHEMES[protocol] + "://" + endpoint
                + (service.port().isPresent() ? ":" + service.port().getAsInt() : "");
        }
        try {
            final URI uri = new URI(text.endsWith("/") ? text : text + "/");
            return uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                ? BidResult.failed(ResultCode.ERROR, "the sub-chain resolver '" + endpoint + "' is not a base URL")
                : BidResult.ok(uri);
        } catch (final URISyntaxException e) {
            return BidResult.failed(ResultCode.ERROR, "the sub-chain resolver '" + endpoint + "' is not a URL");
        }
    }

    private static long ttlSeconds(final BidRecord record) {
        return record.documentJson().map(json -> BidDocumentCodec.parse(json).value().document().extension().ttl()
            .orElse(0)).orElse(0L);
    }

    private static Optional<String> acCodeOf(final String bid) {
        return Address.tryParse(bid).flatMap(Address::acCode);
    }
}
