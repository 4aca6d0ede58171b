package dev.loadplan.sample;

import java.util.Optional;

/**
 * Where the app's PostgreSQL is. Each setting is taken from the first place that gives a non-blank value:
 * <ol>
 *   <li>the command line: {@code --url jdbc:postgresql://host/db --user u --password p} (or {@code --url=...});
 *   <li>system properties {@code loadplan.url}, {@code loadplan.user}, {@code loadplan.password}, which is how
 *       Maven's {@code -Dloadplan.url=...} reaches the app (the pom forwards them, empty when not given);
 *   <li>environment variables {@code LOADPLAN_URL}, {@code LOADPLAN_USER}, {@code LOADPLAN_PASSWORD}.
 * </ol>
 * Without a URL the app starts an embedded PostgreSQL instead.
 *
 * @param url JDBC URL of an external server; empty for the embedded one
 * @param user user name, or null to let the driver decide (the URL may carry it)
 * @param password password, or null
 */
record Options(Optional<String> url, String user, String password) {

    static final String USAGE = """
            usage: SampleApp [--url jdbc:postgresql://host[:port]/db] [--user name] [--password secret]
              Without --url (or -Dloadplan.url / LOADPLAN_URL) it starts an embedded PostgreSQL 17.""";

    /** Thrown for a command line the app does not understand; main prints it with {@link #USAGE}. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Reads the options from the command line, this JVM's system properties and its environment. */
    static Options parse(String[] args) {
        String url = null;
        String user = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            // Both "--url value" and "--url=value"; split at the first '=' only, since URLs contain more.
            int equals = args[i].indexOf('=');
            String name = equals < 0 ? args[i] : args[i].substring(0, equals);
            if (!name.equals("--url") && !name.equals("--user") && !name.equals("--password")) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (equals >= 0) {
                value = args[i].substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                default -> password = value;
            }
        }
        url = firstGiven(url, System.getProperty("loadplan.url"), System.getenv("LOADPLAN_URL"));
        user = firstGiven(user, System.getProperty("loadplan.user"), System.getenv("LOADPLAN_USER"));
        password = firstGiven(password, System.getProperty("loadplan.password"), System.getenv("LOADPLAN_PASSWORD"));
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("the URL must start with jdbc:postgresql: but is " + url);
        }
        return new Options(Optional.ofNullable(url), user, password);
    }

    /** Blank counts as not given: the pom forwards {@code -Dloadplan.url=} even when the user set nothing. */
    private static String firstGiven(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
