/**
 * What each generated class runs: every loader entry point's statements, planned by the planner the runtime runs
 * them with, and which columns each DAO statement writes.
 *
 * <p><strong>Not API.</strong> Part of the processor's implementation; its types and members may change or
 * disappear in any release, without deprecation.
 */
package dev.loadplan.processor.plan;
