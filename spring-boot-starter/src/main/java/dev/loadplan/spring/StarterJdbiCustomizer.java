package dev.loadplan.spring;

import org.jdbi.v3.core.Jdbi;

/**
 * Something the starter does to the {@code Jdbi} it makes, and to no other: unlike a {@code JdbiPlugin} bean, which an
 * application's own {@code Jdbi} may install too, a bean of this type is seen only by {@link LoadPlanAutoConfiguration}.
 */
@FunctionalInterface
interface StarterJdbiCustomizer {

    /** Applies this to the starter's {@code jdbi}, after {@code loadplan.*} and the application's plugins. */
    void customize(Jdbi jdbi);
}
