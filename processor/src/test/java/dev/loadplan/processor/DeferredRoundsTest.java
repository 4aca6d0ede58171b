package dev.loadplan.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.loadplan.processor.Compilations.entity;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.loadplan.processor.diagnostics.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * An entity whose field types another annotation processor generates waits for the round in which they exist, as
 * Dagger's and AutoValue's processors wait, instead of failing in the first round.
 */
class DeferredRoundsTest {

    /**
     * Generates enum {@code test.Tier} in the first round, for a class annotated {@code @GenerateTier}, as a
     * processor of another library would for an annotation of its own.
     */
    private static final class TierGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("test.GenerateTier");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer writer = processingEnv.getFiler().createSourceFile("test.Tier").openWriter()) {
                    writer.write("package test;\n\npublic enum Tier { FREE, PAID }\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void anEntityWaitsForAFieldTypeAnotherProcessorGenerates() {
        // loadplan runs first, so in the first round Tier does not exist yet.
        Compilation compilation = Compiler.javac().withProcessors(new LoadPlanProcessor(), new TierGenerator())
                .compile(JavaFileObjects.forSourceString("test.GenerateTier",
                        "package test;\n\npublic @interface GenerateTier {\n}\n"), entity("Account", """
                        @Entity
                        @GenerateTier
                        public class Account {
                            @Id long id;
                            Tier tier;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.AccountMapping").contentsAsUtf8String()
                .contains("new EnumConstants<>(\"Tier\", Tier::valueOf, Tier::values)");
    }

    @Test
    void aTypeThatNeverAppearsIsReportedOnceRoundsAreOver() {
        Compilation compilation = Compiler.javac().withProcessors(new LoadPlanProcessor())
                .compile(entity("Account", """
                        @Entity
                        public class Account {
                            @Id long id;
                            Missing tier;
                        }
                        """));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_TYPE.prefix());
    }
}
