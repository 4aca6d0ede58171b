package dev.loadplan.internal;

import dev.loadplan.LoadPlanException;
import dev.loadplan.LoadRefusedException;
import dev.loadplan.PlanEvent;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The roots of a plan as they are read, SQLAlchemy's {@code yield_per}: the root statement runs once, its rows come
 * from a server-side cursor, and every {@code batchSize} roots the plan's steps run for that batch alone (a select-in
 * binds the batch's keys). Memory holds one batch, whatever the total.
 *
 * <p>The cursor needs a transaction: the caller's when one is open, else one of the stream's own at REPEATABLE READ,
 * so every batch reads one snapshot. Reading past the last root, closing the stream, or a failure closes the cursor
 * and ends the stream's own transaction; nothing is left open on the handle.
 */
final class StreamedLoad<E> extends Spliterators.AbstractSpliterator<E> implements AutoCloseable {

    private final Handle handle;
    private final StatementTree<E> root;
    private final PlanStatement statement;
    private final RootBinds binds;
    private final int batchSize;
    private final String what;
    private final boolean ownTransaction;
    private final LoadStats stats;
    /** The stream as listeners hear it, or null when none listens. */
    private final ObservedLoad event;
    private RowCursor cursor;
    private Iterator<E> batch = List.<E>of().iterator();

    private StreamedLoad(Handle handle, StatementTree<E> root, RootBinds binds, int batchSize, String what,
            boolean ownTransaction, LoadStats stats, ObservedLoad event) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.handle = handle;
        this.root = root;
        this.statement = root.bound(binds, handle);
        this.binds = binds;
        this.batchSize = batchSize;
        this.what = what;
        this.ownTransaction = ownTransaction;
        this.stats = stats;
        this.event = event;
    }

    /** Opens the stream of {@code root}'s roots on {@code handle}: runs the root statement, reads no row yet. */
    static <E> StreamedLoad<E> open(Handle handle, StatementTree<E> root, RootBinds binds, int batchSize,
            String what, Supplier<String> plan) {
        String why = root.whyNotStreamable();
        if (why != null) {
            throw new LoadRefusedException("this plan of " + what + " cannot stream: " + why,
                    LoadRefusedException.Reason.NOT_STREAMABLE);
        }
        boolean ownTransaction = !Snapshot.inTransaction(handle, what);
        LoadStats stats = new LoadStats();
        ObservedLoad event = ObservedLoad.start(handle, what, plan, PlanEvent.Kind.STREAM, stats);
        StreamedLoad<E> load = new StreamedLoad<>(handle, root, binds, batchSize, what, ownTransaction, stats,
                event);
        try {
            if (ownTransaction) {
                Snapshot.begin(handle, what);
            }
            load.cursor = load.statement.open(handle, batchSize);
        } catch (RuntimeException | Error e) {
            load.endUnder(e);
            throw e;
        }
        return load;
    }

    @Override
    public boolean tryAdvance(Consumer<? super E> action) {
        if (!batch.hasNext()) {
            if (cursor == null) {
                return false;
            }
            List<E> next;
            try {
                // Lazy relationships of a batch read through the stream's handle, into that batch's identity map.
                LazySource lazySource = new LazySource(null, handle, new Identities(), binds, stats);
                next = root.readBatch(handle, statement, cursor, lazySource, binds, batchSize);
            } catch (RuntimeException | Error e) {
                endUnder(e);
                throw e;
            }
            if (next.isEmpty()) {
                close();
                return false;
            }
            batch = next.iterator();
        }
        action.accept(batch.next());
        return true;
    }

    /** Closes the cursor and commits the stream's own transaction; a second call does nothing. */
    @Override
    public void close() {
        if (cursor == null) {
            return;
        }
        RowCursor open = cursor;
        cursor = null;
        stats.statementRead(open.rowsRead(), 0);
        try {
            open.close();
        } catch (SQLException | RuntimeException e) {
            LoadPlanException failure = new LoadPlanException("streaming " + what + " failed: could not close its "
                    + "cursor: " + e.getMessage(), e);
            if (ownTransaction) {
                Snapshot.rollBackUnder(handle, failure);
            }
            ended(failure);
            throw failure;
        }
        try {
            if (ownTransaction) {
                Snapshot.commit(handle, what);
            }
        } catch (RuntimeException e) {
            ended(e);
            throw e;
        }
        ended(null);
    }

    /** Tells the listeners the stream ended, once. */
    private void ended(Throwable failure) {
        if (event != null) {
            event.end(failure);
        }
    }

    /** Ends the stream after {@code failure}: closes the cursor and rolls back, keeping their failures suppressed. */
    private void endUnder(Throwable failure) {
        if (cursor != null) {
            try {
                cursor.close();
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
            cursor = null;
        }
        if (ownTransaction) {
            Snapshot.rollBackUnder(handle, failure);
        }
        ended(failure);
    }
}
