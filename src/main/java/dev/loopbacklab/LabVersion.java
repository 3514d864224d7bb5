package dev.loopbacklab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The lab's version, as Maven stamped it at build time. */
public final class LabVersion {
    private LabVersion() {}

    /** E.g. {@code 0.1.0}; "development" when the build did not stamp it. */
    public static String get() {
        try (InputStream in = LabVersion.class.getResourceAsStream("lab.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
