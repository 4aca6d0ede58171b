package dev.loadplan.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.it.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, while a README block runs, what its comments claim ({@link JavaExamples} writes the calls), and keeps the
 * README line of the statement running, so that any failure names it. Public because the compiled blocks call it.
 */
public final class Claims {

    private final StatementCounter counter;
    private final List<String> checked = new ArrayList<>();
    private int line;
    private int statementsBefore;

    Claims(StatementCounter counter) {
        this.counter = counter;
    }

    /** The statement at README line {@code line} starts. */
    public void at(int line) {
        this.line = line;
        statementsBefore = counter.statements().size();
    }

    /** The statement at {@code line}, which has just run, claims to run {@code expected} statements. */
    public void statements(int line, int expected) {
        List<String> all = counter.statements();
        List<String> ran = all.subList(Math.min(statementsBefore, all.size()), all.size());
        assertThat(ran).as("README.md:%d claims %d statement(s); it ran %d: %s", line, expected, ran.size(), ran)
                .hasSize(expected);
        checked.add("README.md:" + line + ": " + expected + " statement(s)");
    }

    /** The expression statement at {@code line} claims the value {@code expected}. */
    public void value(int line, Object actual, Object expected) {
        assertThat(actual).as("README.md:%d: the value its comment claims", line).isEqualTo(expected);
        checked.add("README.md:" + line + ": " + expected);
    }

    /** The README line of the statement that started last. */
    int line() {
        return line;
    }

    /** The claims checked so far, as "README.md:line: what". */
    List<String> checked() {
        return List.copyOf(checked);
    }
}
