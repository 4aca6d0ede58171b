/**
 * The loadplan annotation processor, {@link dev.loadplan.processor.LoadPlanProcessor}: for each
 * {@code @Entity} class it writes a loader, a row mapping and a DAO beside it. Its work flows one way through the
 * subpackages: {@code scan} reads the annotations, {@code validate} checks every entity and builds the
 * {@code model}, {@code plan} decides the statements, and {@code write} writes the sources; {@code diagnostics}
 * holds every message it reports.
 *
 * <p><strong>Not API.</strong> Put {@code loadplan-processor} on the compiler's annotation processor path; nothing
 * in it is meant to be called. Its packages, types and members may change or disappear in any release, without
 * deprecation.
 */
package dev.loadplan.processor;
