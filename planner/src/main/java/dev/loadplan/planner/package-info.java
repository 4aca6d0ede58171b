/**
 * The planner: decides what a plan loads and how, and holds the plan of every statement it runs. The processor
 * plans the static entry points of generated loaders with it, for their SQL constants; the runtime plans with it
 * every plan it runs; so what a generated constant shows is what runs.
 *
 * <p><strong>Not API.</strong> This artifact is a dependency of {@code loadplan-runtime} and
 * {@code loadplan-processor}, which must be of the same version. Its packages are public only so that those two
 * can reach them: their types and members may change or disappear in any release, without deprecation.
 * Application code uses the runtime's {@code dev.loadplan} and {@code dev.loadplan.annotations}.
 */
package dev.loadplan.planner;
