/**
 * The entities, columns and relationships as validation leaves them, with nothing of {@code javax.lang.model}, so
 * the planner and the writers can be tested on models built by hand.
 *
 * <p><strong>Not API.</strong> Part of the processor's implementation; its types and members may change or
 * disappear in any release, without deprecation.
 */
package dev.loadplan.processor.model;
