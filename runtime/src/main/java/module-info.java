/**
 * loadplan's annotations and the runtime that runs generated loader plans on JDBI.
 *
 * <p>A modular application needs only {@code requires dev.loadplan.runtime;}: what generated code and a user of
 * loaders touch comes with it, transitively ({@code java.sql} for the mappings' {@code ResultSet}, JDBI's
 * {@code Jdbi} and {@code Handle}, the planner that generated code names). JDBI is an automatic module and can
 * declare no dependencies, so the modules it needs at run time are required here, which puts them in the graph.
 */
module dev.loadplan.runtime {
    requires transitive java.sql;
    requires transitive org.jdbi.v3.core;
    requires transitive dev.loadplan.planner;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    // Not used here: JDBI reads it, and an automatic module cannot say so.
    requires io.leangen.geantyref;

    exports dev.loadplan;
    exports dev.loadplan.annotations;
    // Generated code extends and calls these; not API (see its package-info).
    exports dev.loadplan.internal;
}
