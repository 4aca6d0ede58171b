package dev.loadplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The constants of the Java enum a column reads as, for a mapping to read a label and for the schema check to compare
 * them with a PostgreSQL enum type's labels. Generated code names the enum's own {@code valueOf} and {@code values}:
 * no reflection.
 *
 * @param name the enum's simple name, for messages
 * @param valueOf the enum's {@code valueOf}, which throws {@code IllegalArgumentException} for a label it lacks
 * @param values the enum's {@code values}
 * @param <E> the enum
 */
public record EnumConstants<E extends Enum<E>>(String name, Function<String, E> valueOf, Supplier<E[]> values) {

    /** The names of the constants, in declaration order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (E constant : values.get()) {
            names.add(constant.name());
        }
        return names;
    }
}
