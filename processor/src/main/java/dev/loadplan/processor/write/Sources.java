package dev.loadplan.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.loadplan.processor.plan.StatementConstant;
import javax.lang.model.element.Modifier;

/** What every generated source shares: the {@code @Generated} mark, the file layout, SQL constants. */
final class Sources {

    static final String PROCESSOR = "dev.loadplan.processor.LoadPlanProcessor";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    /** Javadoc lines stay within 100 columns with the indentation and {@code " * "} before them. */
    private static final int WIDTH = 90;

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\{@[^}]*}\\S*|\\S+");

    private Sources() {
    }

    /** {@code @Generated} naming the processor, with no date, so that builds are reproducible. */
    static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
    }

    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** Breaks prose into lines of at most {@code WIDTH} characters, at spaces, so Javadoc reads in an editor. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int lineStart = 0;
        // An inline tag such as {@link #plain()} is one word: a break inside it would show in the source.
        java.util.regex.Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /** A {@code public static final String} holding a statement, documented with when it runs. */
    static FieldSpec constant(StatementConstant statement) {
        return FieldSpec.builder(String.class, statement.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", wrap(statement.javadoc()))
                .initializer("$S", statement.sql())
                .build();
    }
}
