package dev.loadplan.processor;

import com.google.testing.compile.Compiler;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Eclipse's compiler (ECJ) for compile-testing, which drives any {@code javax.tools} compiler: ECJ is what
 * Eclipse users, and Maven or Gradle builds set to it, run the processor in.
 */
final class EclipseCompilers {

    private EclipseCompilers() {
    }

    /** ECJ at the release the library targets, with {@code options} besides. */
    static Compiler ecj(String... options) {
        List<String> all = new ArrayList<>(List.of("--release", "17"));
        all.addAll(List.of(options));
        return Compiler.compiler(new CompileTestingEclipseCompiler()).withOptions(all);
    }

    /**
     * ECJ made to fit compile-testing in two ways. Its diagnostics print as javac's do (file, line, kind, message),
     * so a failed assertion says what ECJ said rather than {@code EclipseCompilerImpl$2$2@74691a1f}. And its log stays
     * out of the test output: compile-testing gives a compiler no writer, so ECJ would print it on standard error,
     * and it holds only a {@code NullPointerException} that ECJ catches while asking compile-testing's file manager
     * for a module source path it does not have. Errors and warnings are diagnostics, never only in the log.
     */
    private static final class CompileTestingEclipseCompiler implements JavaCompiler {

        private final JavaCompiler ecj = new EclipseCompiler();

        @Override
        public CompilationTask getTask(Writer out, JavaFileManager fileManager,
                DiagnosticListener<? super JavaFileObject> diagnosticListener, Iterable<String> options,
                Iterable<String> classes, Iterable<? extends JavaFileObject> compilationUnits) {
            DiagnosticListener<JavaFileObject> readable = diagnosticListener == null ? null
                    : diagnostic -> diagnosticListener.report(new ReadableDiagnostic(diagnostic));
            return ecj.getTask(out == null ? Writer.nullWriter() : out, fileManager, readable, options, classes,
                    compilationUnits);
        }

        @Override
        public StandardJavaFileManager getStandardFileManager(
                DiagnosticListener<? super JavaFileObject> diagnosticListener, Locale locale, Charset charset) {
            return ecj.getStandardFileManager(diagnosticListener, locale, charset);
        }

        @Override
        public int isSupportedOption(String option) {
            return ecj.isSupportedOption(option);
        }

        @Override
        public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
            return ecj.run(in, out, err, arguments);
        }

        @Override
        public Set<SourceVersion> getSourceVersions() {
            return ecj.getSourceVersions();
        }
    }

    /** One of ECJ's diagnostics, printed as javac prints its own. */
    private record ReadableDiagnostic(Diagnostic<? extends JavaFileObject> diagnostic)
            implements Diagnostic<JavaFileObject> {

        @Override
        public Kind getKind() {
            return diagnostic.getKind();
        }

        @Override
        public JavaFileObject getSource() {
            return diagnostic.getSource();
        }

        @Override
        public long getPosition() {
            return diagnostic.getPosition();
        }

        @Override
        public long getStartPosition() {
            return diagnostic.getStartPosition();
        }

        @Override
        public long getEndPosition() {
            return diagnostic.getEndPosition();
        }

        @Override
        public long getLineNumber() {
            return diagnostic.getLineNumber();
        }

        @Override
        public long getColumnNumber() {
            return diagnostic.getColumnNumber();
        }

        @Override
        public String getCode() {
            return diagnostic.getCode();
        }

        @Override
        public String getMessage(Locale locale) {
            return diagnostic.getMessage(locale);
        }

        @Override
        public String toString() {
            String where = getSource() == null ? "" : getSource().getName() + ":" + getLineNumber() + ": ";
            return where + getKind().toString().toLowerCase(Locale.ROOT) + ": " + getMessage(Locale.ROOT);
        }
    }
}
