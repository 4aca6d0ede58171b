package dev.loadplan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What every generated DAO shares: where its handle comes from, and the statements that need nothing of the
 * entity's fields. A DAO made {@code on(jdbi)} opens a handle for each call and closes it; one made
 * {@code on(handle)} works inside that handle, and its transaction when one is open.
 *
 * @param <E> the entity
 */
public abstract class EntityDao<E> {

    private final Jdbi jdbi;
    private final Handle handle;
    private final LoaderPlan<E, ?> plain;
    private final String count;
    private final String delete;

    protected EntityDao(Jdbi jdbi, Handle handle, LoaderPlan<E, ?> plain, String count, String delete) {
        if ((jdbi == null) == (handle == null)) {
            throw new IllegalArgumentException("a DAO works on a Jdbi or on a Handle, and on one of them only");
        }
        this.jdbi = jdbi;
        this.handle = handle;
        this.plain = Objects.requireNonNull(plain, "plain");
        this.count = count;
        this.delete = delete;
    }

    /** The handle a call works in: the caller's, or a new one that {@link #release} closes. */
    protected final Handle open() {
        return handle != null ? handle : jdbi.open();
    }

    /** Closes a handle {@link #open} opened; leaves the caller's alone. */
    protected final void release(Handle used) {
        if (used != handle) {
            used.close();
        }
    }

    /**
     * The entity whose key is {@code id}, as the loader's {@code plain()} loads it: with the relationships whose
     * declarations say how to load them, and no other; empty when there is none.
     */
    protected final Optional<E> findByKey(Object id) {
        return handle != null ? plain.findByKey(handle, id) : plain.findByKey(jdbi, id);
    }

    /** Every entity, in primary key order, as the loader's {@code plain()} loads it. */
    public final List<E> findAll() {
        return handle != null ? plain.list(handle) : plain.list(jdbi);
    }

    /** The number of rows in the entity's table. */
    public final long count() {
        Handle used = open();
        try {
            return used.createQuery(count).map(FirstColumn.LONG).one();
        } finally {
            release(used);
        }
    }

    /** Deletes the row whose key is {@code id}; false when there was none. */
    protected final boolean deleteByKey(Object id) {
        Handle used = open();
        try {
            return used.createUpdate(delete).bind(0, id).execute() == 1;
        } finally {
            release(used);
        }
    }
}
