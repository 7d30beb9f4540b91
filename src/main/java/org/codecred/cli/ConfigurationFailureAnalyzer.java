package org.codecred.cli;

import org.codecred.job.ConfigurationException;
import org.codecred.staging.StagingEngineUnavailable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Spring Boot's hook for a failed start: recognises the configurations that cannot work, so that
 * {@link CodeCred} reports them in one line with exit 2 instead of a stack trace and exit 1. It looks
 * at what the failure is, not at message text: a {@link ConfigurationException}, a staging engine
 * that cannot open ({@link StagingEngineUnavailable}), a database URL that
 * no JDBC driver on the classpath accepts, a database that refuses or cannot be found at start (a
 * connection exception: SQL state class 08, or a refused or unknown host). Registered in
 * META-INF/spring.factories; {@link ConfigurationFailureReporter} hands the result to {@link CodeCred}.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

    /** An analysis that means "the configuration is wrong": exit 2. */
    public static final class ConfigurationProblem extends FailureAnalysis {
        ConfigurationProblem(String description, String action, Throwable cause) {
            super(description, action, cause);
        }
    }

    private final Environment environment;

    public ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        ConfigurationException configuration = CodeCred.causeOf(failure, ConfigurationException.class);
        if (configuration != null) {
            return new ConfigurationProblem(configuration.getMessage(), null, failure);
        }
        StagingEngineUnavailable engine = CodeCred.causeOf(failure, StagingEngineUnavailable.class);
        if (engine != null) {
            return new ConfigurationProblem(engine.getMessage(), null, failure);
        }
        TypeMismatchException mismatch = CodeCred.causeOf(failure, TypeMismatchException.class);
        if (mismatch != null && mismatch.getRequiredType() != null) {
            // a CodeCred number option given something else (--codecred.threads=two)
            String option = optionWithValue(mismatch.getValue());
            return new ConfigurationProblem((option == null ? "'" + mismatch.getValue() + "'" : "--" + option + "=" + mismatch.getValue())
                    + " is not a " + kind(mismatch.getRequiredType()), "correct it, or leave the option out for its default", failure);
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !driverAccepts(url)) {
            return new ConfigurationProblem("no database driver accepts the URL " + redacted(url),
                    "check --spring.datasource.url (e.g. jdbc:postgresql://HOST:5432/codecred, or leave it out for "
                            + "the embedded database at --db)", failure);
        }
        Throwable unreachable = unreachable(failure);
        if (unreachable != null) {
            return new ConfigurationProblem("the database " + redacted(url) + " cannot be reached ("
                    + Failures.reason(unreachable) + ")", "start it or correct --spring.datasource.url, then run "
                    + "the same command again", failure);
        }
        return null;
    }

    /** The command-line option (a Spring property) that holds {@code value}, or null. */
    private String optionWithValue(Object value) {
        if (value != null && environment instanceof ConfigurableEnvironment configurable) {
            for (var source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> named) {
                    for (String name : named.getPropertyNames()) {
                        if (name.startsWith("codecred.") && value.equals(named.getProperty(name))) {
                            return name;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "whole number";
        }
        return type == boolean.class || type == Boolean.class ? "yes/no value (true or false)" : type.getSimpleName() + " value";
    }

    private static boolean driverAccepts(String url) {
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A connection that could not be made at all (not one that broke later). */
    private static Throwable unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    && !(t.getCause() instanceof SQLException)) {
                return t;
            }
        }
        return null;
    }

    /** The URL without a password given in it. */
    static String redacted(String url) {
        return url == null ? "(none)" : url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Boot's own analyzers, which describe in many lines
    }
}
