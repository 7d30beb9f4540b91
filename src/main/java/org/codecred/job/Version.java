package org.codecred.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * CodeCred's version, one place for --version, run-summary.json and the workbooks. Maven writes it
 * into application.properties at build time (the Boot parent filters {@code @project.version@}), so a
 * run from the classes folder knows it as well as the jar does.
 */
public final class Version {

    private static final String CURRENT = read();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("codecred.version", "");
            return version.isBlank() || version.startsWith("@") ? "development build" : version;
        } catch (IOException e) {
            return "development build";
        }
    }
}
