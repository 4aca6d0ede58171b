/**
 * Loading and writing entities with the code the loadplan processor generates: the API application code uses.
 *
 * <p>For each {@link dev.loadplan.annotations.Entity} class the processor generates, beside it, a loader
 * ({@code AuthorLoader}), a DAO ({@code AuthorDao}) and a row mapping. The loader's static entry points return a
 * {@link dev.loadplan.LoaderPlan}: an immutable plan that says how each relationship loads ({@link
 * dev.loadplan.Strategy}), shapes the root query, and runs on a JDBI {@code Handle} or {@code Jdbi}:
 *
 * <pre>{@code
 * List<Author> authors = AuthorLoader.withBooksSelectIn(BookLoader.withTagsJoined())
 *         .where("authors.name LIKE :p").bind("p", "A%")
 *         .list(handle);
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.loadplan.LoaderPlan}: a plan, its shaping ({@code where}, {@code orderBy}, {@code limit}) and
 *       the methods that run it ({@code list}, {@code stream}, {@code sql()} to read its statements);
 *   <li>{@link dev.loadplan.Strategy}: how a relationship loads, after SQLAlchemy's loader strategies;
 *   <li>{@link dev.loadplan.Ref}: a to-one relationship that knows whether it was loaded;
 *   <li>{@link dev.loadplan.EntityDao}: what generated DAOs share ({@code findAll}, {@code count});
 *   <li>{@link dev.loadplan.SchemaCheck}: generated statements checked against a live database;
 *   <li>the exceptions: {@link dev.loadplan.LoadPlanException} and its subtypes
 *       {@link dev.loadplan.StatementFailedException}, {@link dev.loadplan.LoadRefusedException} and
 *       {@link dev.loadplan.ConnectionUnavailableException}, {@link dev.loadplan.RelationshipNotLoadedException},
 *       {@link dev.loadplan.OptimisticLockException}, {@link dev.loadplan.SchemaDriftException}.
 * </ul>
 *
 * <p>Protected members of {@code LoaderPlan} and {@code EntityDao} are for the generated subclasses, and take types
 * of {@code dev.loadplan.internal}, which is not API.
 */
package dev.loadplan;
