package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a lazy relationship gets a connection on first read: a handle of its own from the {@code Jdbi} the
 * plan ran with, or the caller's {@code Handle} while it is open. The identity map of the load comes along.
 */
final class LazySource {

    private final Jdbi jdbi;
    private final Handle handle;
    private final Identities identities;
    private final RootBinds binds;
    private final ReentrantLock handleInUse = new ReentrantLock();
    private final LoadStats stats;

    /** @param stats what the load has run, which its statements and its lazy reads' count into */
    LazySource(Jdbi jdbi, Handle handle, Identities identities, RootBinds binds, LoadStats stats) {
        this.jdbi = jdbi;
        this.handle = handle;
        this.identities = identities;
        this.binds = binds;
        this.stats = stats;
    }

    /** The values the plan binds, which a lazy statement with a link's fragments binds too. */
    RootBinds binds() {
        return binds;
    }

    Identities identities() {
        return identities;
    }

    /** What the load has run so far, its lazy reads included. */
    LoadStats stats() {
        return stats;
    }

    <T> T withHandle(String relationship, Function<Handle, T> work) {
        if (jdbi != null) {
            return Handles.with(jdbi, relationship + " (LAZY)", work);
        }
        if (handle.isClosed()) {
            throw new LoadPlanException(relationship + " is LAZY: it loads on first read through the Handle the "
                    + "plan ran on, which is closed now. Read it while that handle is open, or run the plan with "
                    + "list(Jdbi) so a lazy read can open a handle of its own");
        }
        // One connection runs one statement at a time, and a handle's transaction is the handle's: lazy reads through
        // the caller's handle take turns. Through a Jdbi each has a connection of its own and none waits.
        handleInUse.lock();
        try {
            return work.apply(handle);
        } finally {
            handleInUse.unlock();
        }
    }
}
