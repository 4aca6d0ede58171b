/**
 * Writes the SQL of planned statements, one clause per line: tables and joins, the caller's fragments checked as
 * PostgreSQL's lexer reads them, identifiers quoted where PostgreSQL needs it, and each statement as JDBC runs it.
 *
 * <p><strong>Not API.</strong> Public only for the runtime and the processor of the same version; its types and
 * members may change or disappear in any release, without deprecation.
 */
package dev.loadplan.planner.sql;
