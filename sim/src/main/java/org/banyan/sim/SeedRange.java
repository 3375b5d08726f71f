package org.banyan.sim;

/** An inclusive range of seeds, written {@code A..B} (or a single seed {@code A}). */
public record SeedRange(long first, long last) {

    /** Most seeds one range may name, so that a typo cannot start a run of years. */
    public static final long MAX_SEEDS = 1_000_000;

    public SeedRange {
        if (last < first) {
            throw new IllegalArgumentException("a seed range runs upwards, got " + first + ".." + last);
        }
        if (last - first >= MAX_SEEDS) {
            throw new IllegalArgumentException("a seed range holds at most " + MAX_SEEDS + " seeds");
        }
    }

    /**
     * Parses {@code A..B} or {@code A}.
     *
     * @throws IllegalArgumentException with the expected form
     */
    public static SeedRange parse(final String text) {
        final int separator = text.indexOf("..");
        try {
            if (separator < 0) {
                final long seed = Long.parseLong(text.trim());
                return new SeedRange(seed, seed);
            }
            return new SeedRange(Long.parseLong(text.substring(0, separator).trim()),
                    Long.parseLong(text.substring(separator + 2).trim()));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("seeds are written A..B or A with whole numbers, got '" + text + "'", e);
        }
    }

    /** Number of seeds in the range. */
    public long size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
