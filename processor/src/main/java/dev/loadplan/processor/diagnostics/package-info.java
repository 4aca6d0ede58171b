/**
 * Every message the processor reports, in one place, and how it reports them: on the element, and the annotation
 * attribute, at fault, with a "did you mean" where one helps.
 *
 * <p><strong>Not API.</strong> Part of the processor's implementation; its types and members may change or
 * disappear in any release, without deprecation.
 */
package dev.loadplan.processor.diagnostics;
