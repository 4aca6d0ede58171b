package dev.loadplan.it.differential;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the test needs of one generated domain, implemented by a driver generated with it: it builds the typed plan
 * a {@link PlanNode} describes with the domain's generated loaders, and reads entities through the fields,
 * accessors or record components their form gives them. No reflection: generated code, as a user writes it.
 */
public interface DomainAccess {

    /** The domain's root entities ({@code E0}) loaded with the plan {@code root} describes, on {@code handle}. */
    List<?> load(Handle handle, PlanNode root);

    /** {@code E0} to {@code E4}. */
    String type(Object entity);

    long id(Object entity);

    String label(Object entity);

    Integer n(Object entity);

    /** A relationship field as the entity holds it: a {@code List}, a {@code Ref}, the related entity, or null. */
    Object relation(Object entity, String field);
}
