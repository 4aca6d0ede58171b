/**
 * Reads {@code @Entity} classes and their annotations, as the compiler presents them, into declarations for
 * validation.
 *
 * <p><strong>Not API.</strong> Part of the processor's implementation; its types and members may change or
 * disappear in any release, without deprecation.
 */
package dev.loadplan.processor.scan;
