package dev.loadplan.it.differential;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the test needs of one generated domain, implemented by a driver generated with it: it builds the typed plan
 * a {@link PlanNode} describes with the domain's generated loaders, and reads entities and views through the fields,
 * accessors or record components their form gives them. No reflection: generated code, as a user writes it.
 */
public interface DomainAccess {

    /** The domain's root entities ({@code E0}) loaded with the plan {@code root} describes, on {@code handle}. */
    List<?> load(Handle handle, PlanNode root);

    /** The domain's root views ({@code V0}) loaded with the plan {@code root} describes, on {@code handle}. */
    List<?> loadView(Handle handle, PlanNode root);

    /** {@code E0} to {@code E4}, {@code V0} to {@code V4}. */
    String type(Object entity);

    long id(Object entity);

    /**
     * The value of {@code column} as the entity or view holds it, in the field that holds it whatever its name (a
     * view's may be renamed, and wider); an entity holds {@code label}, {@code n} and {@code weight}.
     */
    Object column(Object entity, String column);

    /**
     * A relationship field as the entity or view holds it: a {@code List}, a {@code Ref}, the related entity or view,
     * or null.
     */
    Object relation(Object entity, String field);
}
