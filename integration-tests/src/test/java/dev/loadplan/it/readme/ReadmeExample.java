package dev.loadplan.it.readme;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What {@link JavaExamples} makes of a README java block's statements: a class implementing this, compiled in the
 * test, that runs them. Public because the compiled class is in another package.
 */
public interface ReadmeExample {

    /** Runs the block's statements, with the names a README snippet may use, checking its claims on the way. */
    void run(Jdbi jdbi, Handle handle, Claims claims) throws Exception;
}
