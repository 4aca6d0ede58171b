package dev.loadplan.internal;

import dev.loadplan.planner.StepPlan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one run of a statement tree remembers: the identity map (shared with lazy loads of the same graph), what
 * each reader has visited, and the parents each step waits for. Dropped when the run returns.
 */
final class LoadState {

    private final Identities identities;
    private final LazySource lazySource;
    private long rowsOfStatement;
    private long objectsRead;
    private final int run;
    /**
     * The lock of the graph a lazy read loads into, held while rows are read, let go while statements run; null
     * for a plan's own load. A lazy read marks its visits here, not in the tables: another lazy read of the graph
     * may run between two of its statements and would overwrite them.
     */
    private final ReentrantLock graphLock;
    private final EntityTable[] tableByReader;
    /** Per reader, the entities whose joined links another path loads: only those, rarely any. */
    private final Map<?, ?>[] joinedElsewhereByReader;
    /** Per reader numbered past those a table marks, the entities it visited. */
    private final Map<?, ?>[] visitedByHighReader;
    private final Object[] lastByReader;
    private final boolean[] firstRunByReader;
    private boolean rowChanged;
    private final ParentBatch[] batches;
    private final Object[] keysByStep;
    private Object treeKeys;
    private final List<RecordHolder> holders = new ArrayList<>();
    private final List<Relation<?, ?>> fixedRelations = new ArrayList<>();
    private final List<Object> fixedOwners = new ArrayList<>();
    /** For each fixed owner, the holder its plain field gets the record of; null to fix what the field holds. */
    private final List<RecordHolder> awaitedRecords = new ArrayList<>();

    LoadState(Identities identities, LazySource lazySource, int readers, int steps, ReentrantLock graphLock) {
        this.identities = identities;
        this.graphLock = graphLock;
        this.lazySource = lazySource;
        this.run = identities.nextRun();
        this.tableByReader = new EntityTable[readers];
        this.joinedElsewhereByReader = new Map<?, ?>[readers];
        this.visitedByHighReader = new Map<?, ?>[readers];
        this.lastByReader = new Object[readers];
        this.firstRunByReader = new boolean[readers];
        this.batches = new ParentBatch[steps];
        this.keysByStep = new Object[steps];
    }

    /**
     * Keeps the keys a statement bound ({@code long[]} or {@code Object[]}), for a subquery below it to bind again:
     * those of step {@code slot}, or of the tree's own statement ({@link StepPlan#TREE_KEYS}).
     */
    void keys(int slot, Object keys) {
        if (slot == StepPlan.TREE_KEYS) {
            treeKeys = keys;
        } else {
            keysByStep[slot] = keys;
        }
    }

    Object keys(int slot) {
        return slot == StepPlan.TREE_KEYS ? treeKeys : keysByStep[slot];
    }

    /** The identity map of the entity reader {@code readerId} reads, looked up once per run. */
    EntityTable table(int readerId, EntityMapping<?> mapping) {
        EntityTable table = tableByReader[readerId];
        if (table == null) {
            table = identities.of(mapping);
            tableByReader[readerId] = table;
        }
        return table;
    }

    /** The identity map of {@code mapping}'s entities. */
    EntityTable table(EntityMapping<?> mapping) {
        return identities.of(mapping);
    }

    /** The lock of the graph a lazy read loads into; null for a plan's own load. */
    ReentrantLock graphLock() {
        return graphLock;
    }

    LazySource lazySource() {
        return lazySource;
    }

    /** Marks that reader {@code readerId} visits the entity in {@code slot}; returns whether it is its first visit. */
    @SuppressWarnings("unchecked")
    boolean visit(EntityTable table, int slot, int readerId) {
        if (graphLock == null && readerId < EntityTable.MARKED_READERS) {
            return table.visit(slot, run, readerId);
        }
        Map<Object, Boolean> visited = (Map<Object, Boolean>) visitedByHighReader[readerId];
        if (visited == null) {
            visited = new IdentityHashMap<>();
            visitedByHighReader[readerId] = visited;
        }
        return visited.put(table.entity(slot), Boolean.TRUE) == null;
    }

    /** The joined links of reader {@code readerId} that another path loads for {@code entity}, one bit per link. */
    @SuppressWarnings("unchecked")
    long joinedElsewhere(int readerId, Object entity) {
        Map<Object, Long> elsewhere = (Map<Object, Long>) joinedElsewhereByReader[readerId];
        if (elsewhere == null) {
            return 0;
        }
        Long bits = elsewhere.get(entity);
        return bits == null ? 0 : bits;
    }

    /** Remembers which joined links of reader {@code readerId} another path loads for {@code entity}, when any. */
    @SuppressWarnings("unchecked")
    void joinedElsewhere(int readerId, Object entity, long bits) {
        if (bits == 0) {
            return;
        }
        Map<Object, Long> elsewhere = (Map<Object, Long>) joinedElsewhereByReader[readerId];
        if (elsewhere == null) {
            elsewhere = new IdentityHashMap<>();
            joinedElsewhereByReader[readerId] = elsewhere;
        }
        elsewhere.put(entity, bits);
    }

    /** Called before each statement's rows: runs do not carry over from one result to the next. */
    void startStatement() {
        java.util.Arrays.fill(lastByReader, null);
        rowsOfStatement = 0;
    }

    /** Called before each row: no reader has seen a change in it yet. */
    void startRow() {
        rowChanged = false;
        rowsOfStatement++;
    }

    /** Counts an entity read for the first time in the load. */
    void objectRead() {
        objectsRead++;
    }

    /** {@return the entities read since the last call}, counting again from zero */
    long takeObjectsRead() {
        long read = objectsRead;
        objectsRead = 0;
        return read;
    }

    /** {@return the rows of the current statement read so far} */
    long rowsOfStatement() {
        return rowsOfStatement;
    }

    /**
     * Starts or continues the run of rows of {@code entity} at reader {@code readerId}, and tells whether it is
     * the entity's first run there. Readers are called depth first, in the order of the statement's columns and
     * of its ORDER BY, so a run ends when the entity changes or any reader before it in the row changed: then the
     * entity is under another parent, or beside another row of a sibling collection. An entity's first run holds
     * all its joined rows; a later run repeats them.
     */
    boolean inFirstRun(int readerId, Object entity, boolean firstVisit) {
        if (rowChanged || lastByReader[readerId] != entity) {
            rowChanged = true;
            lastByReader[readerId] = entity;
            firstRunByReader[readerId] = firstVisit;
        }
        return firstRunByReader[readerId];
    }

    /**
     * Notes the key at reader {@code readerId}, whose rows this place of the load does not read (another place loads
     * the link above it), so that a change there ends the runs of the readers after it in the row, as a change of a
     * reader that reads does. Keys are compared by value: no entity is looked up for them.
     */
    void observe(int readerId, Object key) {
        Object seen = key == null ? NO_ROW : key;
        if (rowChanged || !seen.equals(lastByReader[readerId])) {
            rowChanged = true;
            lastByReader[readerId] = seen;
            firstRunByReader[readerId] = false;
        }
    }

    /** What {@link #observe} notes where an outer join found no row. */
    private static final Object NO_ROW = new Object();

    /** Notes a record's row read for the first time in this load: it is built once the load is complete. */
    void holderRead(RecordHolder holder) {
        holders.add(holder);
    }

    /**
     * Notes that {@code relation} of {@code owner}, a class, holds record holders, to be replaced by their records
     * once the load is complete.
     */
    void holdsRecords(Relation<?, ?> relation, Object owner) {
        fixedRelations.add(relation);
        fixedOwners.add(owner);
        awaitedRecords.add(null);
    }

    /**
     * Attaches {@code child} to {@code parent}; where the field cannot hold it yet (a class's plain field and a
     * record's holder), notes it, to be set to the record once the load is complete.
     */
    <P, C> void attach(Relation<P, C> relation, P parent, C child, boolean distinct) {
        if (relation.cannotHoldYet(child)) {
            fixedRelations.add(relation);
            fixedOwners.add(parent);
            awaitedRecords.add((RecordHolder) child);
        } else if (distinct) {
            relation.attachDistinct(parent, child);
        } else {
            relation.attach(parent, child);
        }
    }

    /**
     * Fills {@code backReference}, the to-one field of {@code child} that holds the {@code parent} whose relationship
     * loaded it ({@code Book.author} when {@code Author.books} is loaded), with no statement. A plain field typed as
     * the parent's record cannot hold its holder: it is noted, as {@link #attach} notes it, and set once the record is
     * built. Any other field that now holds a record's holder is noted too, to get the record then; the parent is a
     * holder exactly when the back-reference's target builds records.
     */
    <C, P> void fillBackReference(Relation<C, P> backReference, C child, P parent) {
        if (backReference.cannotHoldYet(parent)) {
            attach(backReference, child, parent, false);
        } else if (backReference.fill(child, parent) && parent instanceof RecordHolder) {
            holdsRecords(backReference, child);
        }
    }

    /**
     * Completes the load: builds every record read, each after the records it holds, then gives each class that
     * holds records the records instead of their holders.
     */
    void completeRecords() {
        if (holders.isEmpty() && fixedOwners.isEmpty()) {
            return;
        }
        RecordHolder.RecordBuild build = new RecordHolder.RecordBuild();
        for (RecordHolder holder : holders) {
            holder.buildIn(build);
        }
        for (int i = 0; i < fixedOwners.size(); i++) {
            complete(fixedRelations.get(i), fixedOwners.get(i), awaitedRecords.get(i), build);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P, C> void complete(Relation<P, C> relation, Object owner, RecordHolder awaited,
            RecordHolder.RecordBuild build) {
        if (awaited == null) {
            relation.completeRecords((P) owner, build);
        } else {
            relation.attach((P) owner, relation.completed(awaited, build));
        }
    }

    ParentBatch batch(int stepId, boolean longKeys) {
        ParentBatch batch = batches[stepId];
        if (batch == null) {
            batch = new ParentBatch(longKeys);
            batches[stepId] = batch;
        }
        return batch;
    }

    ParentBatch batchIfAny(int stepId) {
        return batches[stepId];
    }
}
