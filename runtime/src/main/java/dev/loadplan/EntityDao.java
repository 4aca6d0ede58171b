package dev.loadplan;

import dev.loadplan.internal.BatchEntries;
import dev.loadplan.internal.Binding;
import dev.loadplan.internal.DaoStatements;
import dev.loadplan.internal.FirstColumn;
import dev.loadplan.internal.Handles;
import dev.loadplan.internal.Pooler;
import dev.loadplan.internal.ReadOnlyServers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * What every generated DAO shares: where its handle comes from, how its statements run, one row or a batch, and
 * the version check. Generated code binds the entity's fields, each with its SQL type, and builds records. A DAO
 * made {@code on(jdbi)} opens a handle for each call and closes it; one made {@code on(handle)} works inside that
 * handle, and its transaction when one is open.
 *
 * <p>A write the database refuses (or that gets no connection) throws a {@link LoadPlanException} naming the DAO
 * method, the entity and its key, or for a batch the entry the driver says failed, with the database's message in
 * its text and JDBI's exception, the driver's below it, as its cause.
 *
 * @param <E> the entity
 */
public abstract class EntityDao<E> {

    /** Where {@code updateAll} of versioned entities can undo its batch inside a caller's transaction. */
    private static final String SAVEPOINT = "lp_update_all";

    /**
     * What a statement of one row that the database refused wrote: PostgreSQL runs a statement whole or not at all.
     * Not said when the connection failed instead, after which the statement may or may not have run.
     */
    private static final String NOTHING_WRITTEN = "nothing was written";

    /** What a failed batch committed inside the caller's transaction. */
    private static final String CALLERS = "nothing of it is committed yet: it ran in your transaction";

    /**
     * What a batch that the database refused wrote: outside the caller's transaction a batch runs in one of its own,
     * since the driver would otherwise commit a long batch part by part (it syncs every few hundred entries), and a
     * batch of versioned updates in the caller's is undone to a savepoint. Not said when the connection failed instead,
     * during a commit, say.
     */
    private static final String UNDONE = "nothing of the batch was written";

    private final Jdbi jdbi;
    private final Handle handle;
    private final LoaderPlan<E, ?> plain;
    private final DaoStatements statements;
    /** What the pooler check calls a call of this DAO: made once, not on every call. */
    private final String poolerAction;

    /**
     * A DAO on {@code jdbi} or on {@code handle}: exactly one of the two is given, the other is null.
     *
     * @param jdbi where each call opens a handle of its own, closed before it returns; null for a DAO on a handle
     * @param handle the caller's handle, in which every call works; null for a DAO on a {@code Jdbi}
     * @param plain the loader's {@code plain()} plan, with which {@code findById} and {@code findAll} load
     * @param statements the generated statements the DAO runs
     * @throws IllegalArgumentException when both {@code jdbi} and {@code handle} are given, or neither
     */
    protected EntityDao(Jdbi jdbi, Handle handle, LoaderPlan<E, ?> plain, DaoStatements statements) {
        if ((jdbi == null) == (handle == null)) {
            throw new IllegalArgumentException("a DAO works on a Jdbi or on a Handle, and on one of them only");
        }
        this.jdbi = jdbi;
        this.handle = handle;
        this.plain = Objects.requireNonNull(plain, "plain");
        this.statements = Objects.requireNonNull(statements, "statements");
        this.poolerAction = statements.entityName() + "'s DAO";
    }

    /**
     * What {@code insert} writes of {@code entity}, in the order of the insert statement's parameters. Returned, not
     * bound here: an array costs javac nothing to compile, where each call of JDBI's {@code bind}, overloaded some
     * forty times, costs it an overload resolution.
     *
     * @param entity the entity to insert
     * @return its values, each with its SQL type
     */
    protected abstract Argument[] insertValues(E entity);

    /**
     * What {@code update} writes of {@code entity}, then its key (and the version it was read with), in the order of
     * the update statement's parameters. Only for entities with a column besides the key.
     *
     * @param entity the entity to update
     * @return its values, each with its SQL type
     * @throws UnsupportedOperationException always, here: the generated DAO of an entity with a column besides the
     *     key overrides it
     */
    protected Argument[] updateValues(E entity) {
        throw new UnsupportedOperationException(statements.entityName() + " has no column to update");
    }

    private static void bind(SqlStatement<?> statement, Argument[] values) {
        for (int position = 0; position < values.length; position++) {
            statement.bind(position, values[position]);
        }
    }

    /**
     * The entity's primary key.
     *
     * @param entity an entity
     * @return its key, boxed
     */
    protected abstract Object keyOf(E entity);

    /**
     * The entity holding the key the database assigned: a class gets it set and is returned, a record is copied
     * with it. Only for entities whose key the database assigns.
     *
     * @param entity the entity that was inserted
     * @param key the key the database assigned
     * @return {@code entity} with its key set, or a copy of the record with it
     * @throws UnsupportedOperationException always, here: the generated DAO of an entity whose key the database
     *     assigns overrides it
     */
    protected E withKey(E entity, Object key) {
        throw new UnsupportedOperationException(statements.entityName() + "'s key is not generated");
    }

    /**
     * The version the entity was read with, for the message of an update that found the row at another.
     *
     * @param entity an entity
     * @return its version; null when it has no {@code @Version}, which is all this implementation returns
     */
    protected Object versionOf(E entity) {
        return null;
    }

    /**
     * The entity at its next version, after an update: a class gets it set, a record is copied with it.
     *
     * @param entity the entity that was updated
     * @return the entity as stored; {@code entity} itself here, for an entity with no {@code @Version}
     */
    protected E withNextVersion(E entity) {
        return entity;
    }

    /**
     * The handle a call works in: the caller's, or a new one that {@link #release} closes.
     *
     * @return the handle to work in
     */
    protected final Handle open() {
        Handle used = handle != null ? handle : jdbi.open();
        try {
            Pooler.check(used, poolerAction);
        } catch (RuntimeException e) {
            release(used);
            throw e;
        }
        return used;
    }

    /**
     * Closes a handle {@link #open} opened; leaves the caller's alone.
     *
     * @param used the handle {@link #open} returned
     */
    protected final void release(Handle used) {
        if (used != handle) {
            used.close();
        }
    }

    /**
     * The entity whose key is {@code id}, as the loader's {@code plain()} loads it.
     *
     * @param id the primary key
     * @return the entity; empty when no row has the key
     */
    protected final Optional<E> findByKey(Object id) {
        return handle != null ? plain.findByKey(handle, id) : plain.findByKey(jdbi, id);
    }

    /**
     * Every entity, in primary key order, as the loader's {@code plain()} loads it.
     *
     * @return every entity of the table
     */
    public final List<E> findAll() {
        return handle != null ? plain.list(handle) : plain.list(jdbi);
    }

    /**
     * Counts the rows of the entity's table.
     *
     * @return the number of rows
     */
    public final long count() {
        Handle used = open();
        try {
            return used.createQuery(statements.count()).map(FirstColumn.LONG).one();
        } finally {
            release(used);
        }
    }

    /**
     * Deletes the row whose key is {@code id}.
     *
     * @param id the primary key
     * @return whether a row was deleted; false when no row had the key
     * @throws LoadPlanException when the database refuses the delete (a foreign key still points at the row, say),
     *     naming {@code delete}, the entity and the key; nothing was deleted
     */
    protected final boolean deleteByKey(Object id) {
        Handle used = null;
        try {
            used = open();
            return used.createUpdate(statements.delete()).bind(0, Binding.key(id)).execute() == 1;
        } catch (JdbiException e) {
            throw failure("delete", statements.entityName() + " " + id, used, e);
        } finally {
            releaseOpened(used);
        }
    }

    /**
     * Deletes the row of {@code entity} only at the version it was read with: for an entity with a {@code @Version}.
     *
     * @param entity the entity to delete
     * @throws OptimisticLockException when the row changed since {@code entity} was read, or has no row (deleted
     *     since, or never inserted); nothing was deleted
     * @throws LoadPlanException when the database refuses the delete (a foreign key still points at the row, say),
     *     naming {@code delete}, the entity and its key; nothing was deleted
     */
    protected final void deleteEntity(E entity) {
        Objects.requireNonNull(entity, "entity");
        Handle used = null;
        try {
            used = open();
            int deleted = used.createUpdate(statements.deleteVersion()).bind(0, Binding.key(keyOf(entity)))
                    .bind(1, Binding.key(versionOf(entity))).execute();
            if (deleted != 1) {
                throw stale(used, entity, "delete");
            }
        } catch (JdbiException e) {
            throw failure("delete", named(entity), used, e);
        } finally {
            releaseOpened(used);
        }
    }

    /**
     * Runs a many-to-many's link statement ({@code INSERT} of the rows not there yet, or {@code DELETE}) for each
     * target key, binding the owner's key and the target's, in one batch and one transaction: the caller's when one is
     * open, else its own, so a failure leaves no link of the call written.
     *
     * @param operation the DAO method that writes them, as a failure names it ({@code linkTags})
     * @param statement the generated {@code <FIELD>_LINK} or {@code <FIELD>_UNLINK} constant
     * @param ownerKey the key of the entity declaring the relationship
     * @param targetKeys the keys of the entities to link or unlink
     * @return how many association rows the statement inserted or deleted
     * @throws LoadPlanException when the database refuses a row, naming the entity, its key and the operation,
     *     with the database's error as its cause, and the link the database refused when the driver says which;
     *     nothing of the call is committed (inside the caller's transaction, nothing is yet)
     */
    protected final int writeLinks(String operation, String statement, Object ownerKey, List<?> targetKeys) {
        Objects.requireNonNull(ownerKey, "ownerKey");
        if (targetKeys.isEmpty()) {
            return 0;
        }
        Handle used = open();
        boolean callers = used.isInTransaction();
        try {
            return used.inTransaction(transaction -> {
                try (PreparedBatch batch = transaction.prepareBatch(statement)) {
                    for (Object targetKey : targetKeys) {
                        batch.bind(0, Binding.key(ownerKey)).bind(1, Binding.key(Objects.requireNonNull(targetKey,
                                "a target's key"))).add();
                    }
                    int written = 0;
                    for (int count : batch.execute()) {
                        written += count;
                    }
                    return written;
                }
            });
        } catch (JdbiException e) {
            // Its own transaction rolled back, unless the connection broke (during the commit, say): then it is unknown.
            String committed = callers ? "; " + CALLERS : Handles.refused(e) ? "; nothing of it is committed" : "";
            int entry = BatchEntries.failed(used, e, true, targetKeys.size());
            String at = entry < 0 ? "" : " at link " + entry + " of " + targetKeys.size() + " (to "
                    + targetKeys.get(entry) + ")";
            throw new LoadPlanException(operation + " of " + statements.entityName() + " " + ownerKey + " failed" + at
                    + committed + ": " + ReadOnlyServers.explain(used, e)
                    + (entry < 0 ? Handles.message(e) : BatchEntries.message(e)), e);
        } finally {
            release(used);
        }
    }

    /**
     * Inserts {@code entity}.
     *
     * @param entity the entity to insert
     * @return the entity holding the key the database assigned, if it assigns keys; else {@code entity}
     * @throws LoadPlanException when the database refuses the row, naming {@code insert}, the entity and its key (or
     *     that the database generates it); nothing was written
     */
    protected final E insertEntity(E entity) {
        Objects.requireNonNull(entity, "entity");
        Handle used = null;
        try {
            used = open();
            if (statements.generatedKey() == null) {
                Update insert = used.createUpdate(statements.insert());
                bind(insert, insertValues(entity));
                insert.execute();
                return entity;
            }
            Query insert = used.createQuery(statements.insert());
            bind(insert, insertValues(entity));
            return withKey(entity, insert.map(statements.generatedKey()).one());
        } catch (JdbiException e) {
            throw failure("insert", statements.generatedKey() == null ? named(entity)
                    : statements.entityName() + ", whose key the database generates,", used, e);
        } finally {
            releaseOpened(used);
        }
    }

    /**
     * Inserts every entity in one batch.
     *
     * @param entities the entities to insert; none of them null
     * @return the entities holding the keys the database assigned, if it assigns keys, in the same order
     * @throws LoadPlanException when the database refuses a row, naming {@code insertAll}, the entity, and the entry
     *     that failed with its key when the driver says which; nothing of the batch is written: outside a transaction
     *     it runs in one of its own, inside the caller's nothing of it is committed yet
     */
    protected final List<E> insertEntities(List<E> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        Handle used = null;
        String committed = NOTHING_WRITTEN;
        try {
            used = open();
            if (used.isInTransaction()) {
                committed = CALLERS;
                return insertBatch(used, entities);
            }
            committed = UNDONE;
            return used.inTransaction(transaction -> insertBatch(transaction, entities));
        } catch (JdbiException e) {
            throw batchFailure("insertAll", used, true, entities, committed, e);
        } finally {
            releaseOpened(used);
        }
    }

    private List<E> insertBatch(Handle used, List<E> entities) {
        try (PreparedBatch batch = used.prepareBatch(statements.insert())) {
            for (E entity : entities) {
                bind(batch, insertValues(Objects.requireNonNull(entity, "entity")));
                batch.add();
            }
            if (statements.generatedKey() == null) {
                batch.execute();
                return List.copyOf(entities);
            }
            List<?> keys = batch.executePreparedBatch(statements.keyColumn()).map(statements.generatedKey()).list();
            List<E> inserted = new ArrayList<>(entities.size());
            for (int i = 0; i < entities.size(); i++) {
                inserted.add(withKey(entities.get(i), keys.get(i)));
            }
            return inserted;
        }
    }

    /**
     * Updates the entity's row; returns the entity as stored (at its next version), or null when no row has its
     * key. With a {@code @Version}, a row changed since the entity was read, or missing, throws.
     *
     * @param entity the entity to update
     * @return the entity as stored, or null when no row has its key
     * @throws OptimisticLockException when the entity has a {@code @Version} and its row changed since it was read,
     *     or no row has its key (deleted since, or never inserted)
     * @throws LoadPlanException when the database refuses the row, naming {@code update}, the entity and its key;
     *     nothing was written
     */
    protected final E updateEntity(E entity) {
        Objects.requireNonNull(entity, "entity");
        Handle used = null;
        try {
            used = open();
            Update update = used.createUpdate(statements.update());
            bind(update, updateValues(entity));
            if (update.execute() == 1) {
                return withNextVersion(entity);
            }
            if (statements.currentVersion() != null) {
                throw stale(used, entity, "update");
            }
            return null;
        } catch (JdbiException e) {
            throw failure("update", named(entity), used, e);
        } finally {
            releaseOpened(used);
        }
    }

    /**
     * Updates every entity's row in one batch; returns each entity as stored, null where no row has its key. With a
     * {@code @Version}, one stale entity fails the whole batch, which then changes no row.
     *
     * @param entities the entities to update; none of them null
     * @return each entity as stored, or null where no row has its key, in the same order
     * @throws OptimisticLockException when the entities have a {@code @Version} and the row of one of them changed
     *     or was deleted since it was read
     * @throws LoadPlanException when the database refuses a row, naming {@code updateAll}, the entity, and the entry
     *     that failed with its key when the driver says which; nothing of the batch is written: outside a
     *     transaction it runs in one of its own, inside the caller's nothing of it is committed yet (with a
     *     {@code @Version}, it is undone to a savepoint there)
     */
    protected final List<E> updateEntities(List<E> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        Handle used = null;
        String committed = NOTHING_WRITTEN;
        try {
            used = open();
            boolean versioned = statements.currentVersion() != null;
            // Only when the database refused a statement is the batch surely undone; see batchFailure.
            if (!used.isInTransaction()) {
                committed = UNDONE;
                return used.inTransaction(transaction -> {
                    int[] counts = updateBatch(transaction, entities);
                    return stored(entities, versioned ? checked(transaction, entities, counts) : counts);
                });
            }
            if (!versioned) {
                committed = CALLERS;
                return stored(entities, updateBatch(used, entities));
            }
            committed = UNDONE;
            // In the caller's transaction: undo the batch alone, and leave the transaction to the caller.
            used.savepoint(SAVEPOINT);
            List<E> stored;
            try {
                stored = stored(entities, checked(used, entities, updateBatch(used, entities)));
            } catch (RuntimeException e) {
                try {
                    used.rollbackToSavepoint(SAVEPOINT);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
                throw e;
            }
            used.releaseSavepoint(SAVEPOINT);
            return stored;
        } catch (JdbiException e) {
            throw batchFailure("updateAll", used, false, entities, committed, e);
        } finally {
            releaseOpened(used);
        }
    }

    /**
     * How many of {@code stored} have a row: what {@code updateAll} of unversioned entities returns.
     *
     * @param stored what {@link #updateEntities} returned
     * @return how many of its elements are not null
     */
    protected static int updated(List<?> stored) {
        return stored.size() - Collections.frequency(stored, null);
    }

    private int[] updateBatch(Handle used, List<E> entities) {
        try (PreparedBatch batch = used.prepareBatch(statements.update())) {
            for (E entity : entities) {
                bind(batch, updateValues(Objects.requireNonNull(entity, "entity")));
                batch.add();
            }
            return batch.execute();
        }
    }

    private int[] checked(Handle used, List<E> entities, int[] counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw stale(used, entities.get(i), "update");
            }
        }
        return counts;
    }

    private List<E> stored(List<E> entities, int[] counts) {
        List<E> stored = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            stored.add(counts[i] == 1 ? withNextVersion(entities.get(i)) : null);
        }
        return stored;
    }

    /** Releases a handle {@link #open} returned, if it returned one before the call failed. */
    private void releaseOpened(Handle used) {
        if (used != null) {
            release(used);
        }
    }

    /** {@code Author 7}: the entity's name and its key, as a failure names it. */
    private String named(E entity) {
        return statements.entityName() + " " + keyOf(entity);
    }

    /**
     * A write of one row failed: {@code which} names the row, the message keeps the database's words, and says that
     * nothing was written when that is sure: no handle was opened, or the database refused the statement.
     */
    private static LoadPlanException failure(String operation, String which, Handle used, JdbiException e) {
        String written = used == null || Handles.refused(e) ? "; " + NOTHING_WRITTEN : "";
        return new LoadPlanException(operation + " of " + which + " failed" + written + ": "
                + ReadOnlyServers.explain(used, e) + Handles.message(e), e);
    }

    /**
     * A batch failed: at the entry the driver names, when it names one it is sure of, with its key (an insert's
     * generated key is not known yet), and the database's error for that entry; else the driver's message whole.
     */
    private LoadPlanException batchFailure(String operation, Handle used, boolean inserts, List<E> entities,
            String committed, JdbiException e) {
        int entry = used == null ? -1 : BatchEntries.failed(used, e, inserts, entities.size());
        String name = statements.entityName();
        String written = committed.equals(UNDONE) && !Handles.refused(e) ? "" : "; " + committed;
        if (entry < 0) {
            return new LoadPlanException(operation + " of " + name + " failed in a batch of " + entities.size()
                    + written + ": " + ReadOnlyServers.explain(used, e) + Handles.message(e), e);
        }
        String which = inserts && statements.generatedKey() != null ? "its key the database generates"
                : named(entities.get(entry));
        return new LoadPlanException(operation + " of " + name + " failed at entry " + entry + " of "
                + entities.size() + " (" + which + ")" + written + ": " + ReadOnlyServers.explain(used, e)
                + BatchEntries.message(e), e);
    }

    /** Why a versioned entity's {@code operation} found no row at its version: the row changed, or is gone. */
    private OptimisticLockException stale(Handle used, E entity, String operation) {
        Object key = keyOf(entity);
        // The version may be an integer or a bigint column: read as a long either way.
        Optional<Long> current = used.createQuery(statements.currentVersion()).bind(0, Binding.key(key))
                .map((row, context) -> row.getLong(1)).findOne();
        String name = statements.entityName() + " " + key;
        if (current.isEmpty()) {
            // A deleted row and a key never inserted look alike: say both rather than guess.
            return new OptimisticLockException(name + " has no row: it was deleted since it was read, or never "
                    + "inserted; the " + operation + " expected version " + versionOf(entity) + ". Nothing was "
                    + "written");
        }
        String then = operation.equals("delete") ? "read it again to see the other change before you delete it"
                : "read it again and reapply the change";
        return new OptimisticLockException(name + " was changed since it was read: the " + operation + " expected "
                + "version " + versionOf(entity) + ", the row has version " + current.get() + ". Nothing was "
                + "written; " + then);
    }
}
