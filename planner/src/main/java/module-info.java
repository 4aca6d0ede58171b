/**
 * Decides what a loadplan plan loads and writes every statement it runs, for the processor (the constants of
 * generated loaders) and the runtime (the plans it runs). Not API: generated code and the runtime use it, and it may
 * change in any release.
 */
module dev.loadplan.planner {
    exports dev.loadplan.planner;
    exports dev.loadplan.planner.sql;
}
