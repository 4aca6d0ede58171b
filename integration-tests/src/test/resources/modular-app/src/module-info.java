/**
 * A modular application using loadplan: it requires the runtime, JDBI and java.sql (generated mappings read a
 * ResultSet), and nothing of the planner, the processor or java.compiler. Nothing is opened: generated code reads and
 * writes the entities directly, in their own package.
 */
module app {
    requires dev.loadplan.runtime;
    requires java.sql;
    requires org.jdbi.v3.core;
}
