/**
 * A modular application using loadplan: it requires the runtime and nothing else, though it calls JDBI and its
 * generated mappings read a ResultSet (the runtime requires both transitively), and nothing of the planner, the
 * processor or java.compiler. Nothing is opened: generated code reads and writes the entities directly, in their own
 * package.
 */
module app {
    requires dev.loadplan.runtime;
}
