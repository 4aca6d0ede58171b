package dev.loadplan.it.reflection;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;

/** Uses reflection on purpose, so the scanner can show it finds it. Never run. */
final class ReflectiveControl {

    private ReflectiveControl() {
    }

    static Object reflect() throws Exception {
        Field field = Class.forName("java.lang.String").getDeclaredField("value");
        return field.getName() + MethodHandles.lookup();
    }
}
