/**
 * The annotations that declare entities: {@link dev.loadplan.annotations.Entity} on a class or record mapped to a
 * table, {@link dev.loadplan.annotations.Id} on its primary key, {@link dev.loadplan.annotations.Column} to name a
 * column, {@link dev.loadplan.annotations.Relationship} on a field that points at another entity, and
 * {@link dev.loadplan.annotations.Version} on a column for optimistic locking.
 *
 * <p>The annotation processor ({@code loadplan-processor}) reads them at compile time and reports every
 * declaration it cannot map as a compiler error on the offending element. They are kept in class files only;
 * nothing reads them at run time.
 */
package dev.loadplan.annotations;
