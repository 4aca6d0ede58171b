/**
 * Writes the generated sources with JavaPoet: each entity's row mapping, loader and DAO.
 *
 * <p><strong>Not API.</strong> Part of the processor's implementation; its types and members may change or
 * disappear in any release, without deprecation.
 */
package dev.loadplan.processor.write;
