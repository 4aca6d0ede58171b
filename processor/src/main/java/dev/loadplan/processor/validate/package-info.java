/**
 * Checks every declaration an entity makes and reports all its problems at once; only entities without any get a
 * model, and generated code.
 *
 * <p><strong>Not API.</strong> Part of the processor's implementation; its types and members may change or
 * disappear in any release, without deprecation.
 */
package dev.loadplan.processor.validate;
