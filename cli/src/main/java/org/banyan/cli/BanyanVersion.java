package org.banyan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into {@code version.properties}. */
final class BanyanVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream stream = BanyanVersion.class.getResourceAsStream("version.properties")) {
            if (stream == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            properties.load(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
        return new String[] {"banyan " + properties.getProperty("version")};
    }
}
