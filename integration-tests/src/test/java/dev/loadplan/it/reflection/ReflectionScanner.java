package dev.loadplan.it.reflection;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the uses of reflection in compiled code: what the project promises its runtime and generated code avoid. */
final class ReflectionScanner {

    private static final Set<String> REFLECTIVE_CLASS_METHODS = Set.of("forName", "newInstance", "getMethod",
            "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField",
            "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
            "getDeclaredConstructors", "getRecordComponents");

    private ReflectionScanner() {
    }

    /** Every use of reflection in the class, described; empty when there is none. */
    static List<String> uses(String className, InputStream classFile) throws IOException {
        ClassFileReferences references = ClassFileReferences.read(classFile);
        List<String> uses = new ArrayList<>();
        for (String type : references.classes) {
            if (type.startsWith("java/lang/reflect/") || type.startsWith("org/jdbi/v3/core/mapper/reflect/")) {
                uses.add(className + " refers to " + type);
            }
        }
        for (ClassFileReferences.Member member : references.members) {
            boolean reflective = member.owner().equals("java/lang/Class")
                    && REFLECTIVE_CLASS_METHODS.contains(member.name());
            // Lambdas name MethodHandles$Lookup in their bootstrap descriptor; calling MethodHandles is the use.
            boolean handles = member.owner().equals("java/lang/invoke/MethodHandles")
                    || member.owner().equals("java/lang/invoke/MethodHandles$Lookup");
            boolean jdbiReflective = member.name().equals("mapToBean") || member.name().equals("mapToMap");
            if (reflective || handles || jdbiReflective) {
                uses.add(className + " calls " + member.owner() + "." + member.name());
            }
        }
        for (String descriptor : references.descriptors) {
            if (descriptor.contains("Ljava/lang/reflect/")) {
                uses.add(className + " has a signature with " + descriptor);
            }
        }
        return uses;
    }
}
