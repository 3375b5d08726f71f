package org.banyan.identity.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a W3C resolution answers with, chosen from the {@code Accept} header: the DID Resolution result, or the bare
 * document in one of the DID Core media types. No header, {@code * / *} or {@code application/*} mean the result.
 */
public enum Representation {
    /** The resolution result {@code {didDocument, didResolutionMetadata, didDocumentMetadata}}. */
    RESOLUTION_RESULT("application/did-resolution", true),
    /** The document as JSON-LD, with {@code @context}. */
    DID_LD_JSON("application/did+ld+json", true),
    /** The document as plain JSON: {@code @context} is JSON-LD's and is left out. */
    DID_JSON("application/did+json", false),
    /** The document in DID 1.1's single media type, with {@code @context}. */
    DID("application/did", true);

    private static final String LD_JSON = "application/ld+json";
    private static final String RESOLUTION_PROFILE = "https://w3id.org/did-resolution";

    private final String mediaType;
    private final boolean withContext;

    Representation(final String mediaType, final boolean withContext) {
        this.mediaType = mediaType;
        this.withContext = withContext;
    }

    /** The {@code Content-Type} it is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether the document keeps its JSON-LD {@code @context}. */
    public boolean withContext() {
        return withContext;
    }

    /**
     * The representation for an {@code Accept} header: the acceptable media range with the highest quality that we
     * produce ({@code application/ld+json} gives the JSON-LD document, or the result with the resolution profile).
     */
    public static Optional<Representation> negotiate(final Optional<String> accept) {
        if (accept.isEmpty() || accept.get().isBlank()) {
            return Optional.of(RESOLUTION_RESULT);
        }
        final List<Range> ranges = new ArrayList<>();
        for (final String part : accept.get().split(",")) {
            ranges.add(Range.parse(part));
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed());
        return ranges.stream().filter(range -> range.quality() > 0).map(Range::representation)
            .flatMap(Optional::stream).findFirst();
    }

    /** One media range of an Accept header. */
    private record Range(String mediaType, String parameters, double quality) {

        static Range parse(final String text) {
            final String[] pieces = text.trim().split(";");
            double quality = 1;
            final StringBuilder parameters = new StringBuilder();
            for (int index = 1; index < pieces.length; index++) {
                final String parameter = pieces[index].trim();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    quality = parseQuality(parameter.substring(2));
                } else {
                    parameters.append(parameter).append(';');
                }
            }
            return new Range(pieces[0].trim().toLowerCase(Locale.ROOT), parameters.toString(), quality);
        }

        private static double parseQuality(final String text) {
            try {
                final double quality = Double.parseDouble(text);
                return quality >= 0 && quality <= 1 ? quality : 0;
            } catch (final NumberFormatException e) {
                return 0;
            }
        }

        Optional<Representation> representation() {
            if (mediaType.equals("*/*") || mediaType.equals("application/*")) {
                return Optional.of(RESOLUTION_RESULT);
            }
            if (mediaType.equals(LD_JSON)) {
                return Optional.of(parameters.contains(RESOLUTION_PROFILE) ? RESOLUTION_RESULT : DID_LD_JSON);
            }
            for (final Representation representation : values()) {
                if (representation.mediaType.equals(mediaType)) {
                    return Optional.of(representation);
                }
            }
            return Optional.empty();
        }
    }
}
