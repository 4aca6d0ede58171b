package dev.loadplan.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * README's java blocks as the Java sources {@link ReadmeExamplesTest} compiles and runs. How a block is read:
 * <ul>
 *   <li>Every block is compiled, all of them together, in the package {@value #PACKAGE}, importing
 *       {@code dev.loadplan.*}, {@code dev.loadplan.annotations.*}, {@code java.util.*}, {@code java.util.stream.*}
 *       and {@code org.jdbi.v3.core.*}, so a snippet need not repeat its imports.</li>
 *   <li>A type declaration starts at the left margin ({@code public class}, {@code record}, ..., or annotations
 *       above one) and ends at the first line holding only a closing brace at the left margin; it becomes a
 *       source file of its own. The block's other lines are statements, run in order against a database holding
 *       README's tables, with {@code jdbi} (a {@code Jdbi}) and {@code handle} (an open {@code Handle} of it) in
 *       scope. Claims aside, a statement's value is not checked: a plan built and not run is still built, which
 *       checks its fragments.</li>
 *   <li>A comment on a statement (on its last line, inside it, or right above it) makes a claim the run checks:
 *       {@code // 2 statements} (a number in digits) is how many statements it runs, counted at the driver;
 *       {@code // [AuthorLoader.PLAIN, AuthorLoader.BOOKS_SELECT_IN]}, the whole comment a list of constants,
 *       is the value of the expression statement it is on.</li>
 *   <li>A one-line HTML comment right above the fence, starting {@code ReadmeExamplesTest:}, says more:
 *       {@code with the entities in <folder>} compiles the {@code .java} files of that folder (from the repository
 *       root) with the blocks, for a snippet using entities README does not declare; {@code compile only} compiles
 *       the block without running it, for a snippet that cannot run here (say why in the comment).</li>
 * </ul>
 */
final class JavaExamples {

    static final String PACKAGE = "readme";
    static final String MARKER = "ReadmeExamplesTest:";

    private static final List<String> IMPORTS = List.of("dev.loadplan.*", "dev.loadplan.annotations.*",
            "java.util.*", "java.util.stream.*", "org.jdbi.v3.core.*");
    /** A type declaration's line, at the left margin: statements never start with these words. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|record|enum|interface)"
                    + "\\s+(\\w+).*");
    /** An annotation at the left margin, which starts a declaration when the lines below it end in one. */
    private static final Pattern ANNOTATION = Pattern.compile("^@\\w.*");
    private static final Pattern COUNT = Pattern.compile("(?<![\\w.])(\\d+) statements?\\b");
    private static final Pattern VALUE = Pattern.compile("\\[\\s*([\\w.]+(?:\\s*,\\s*[\\w.]+)*)\\s*]");
    private static final Pattern WITH = Pattern.compile("with the entities in (\\S+)");
    private static final String RUNNER_INTERFACE = ReadmeExample.class.getName();
    private static final String CLAIMS = Claims.class.getName();

    /** A Java source: its lines and, for each, the README line it comes from (0 for a line this class wrote). */
    record Source(String className, List<String> lines, List<Integer> readmeLines) {

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** What a comment on a statement claims, at the README line of the statement's first line. */
    record Claim(int line, String says) {
    }

    /** One java block: the class running its statements, whether it runs, and the claims its comments make. */
    record Example(Readme.Block block, String runner, boolean runs, List<Claim> claims) {
    }

    private final List<Example> examples = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<Path> entityFiles = new ArrayList<>();

    private JavaExamples() {
    }

    /** The java blocks of {@code readme}; folders named by markers are read from {@code root}. */
    static JavaExamples of(String readme, Path root) {
        JavaExamples examples = new JavaExamples();
        for (Readme.Block block : Readme.blocks(readme, "java")) {
            examples.add(block, root);
        }
        return examples;
    }

    List<Example> examples() {
        return List.copyOf(examples);
    }

    List<Source> sources() {
        return List.copyOf(sources);
    }

    /** The files of the folders that markers name, compiled with the blocks. */
    List<Path> entityFiles() {
        return entityFiles.stream().distinct().toList();
    }

    private void add(Readme.Block block, Path root) {
        boolean runs = true;
        if (block.marker() != null && block.marker().startsWith(MARKER)) {
            String marker = block.marker().substring(MARKER.length());
            Matcher with = WITH.matcher(marker);
            runs = !marker.contains("compile only");
            assertThat(with.find() || !runs).as("README.md:%d: the marker above says neither \"with the entities"
                    + " in <folder>\" nor \"compile only\": %s", block.firstLine() - 1, block.marker()).isTrue();
            if (with.reset().find()) {
                entityFiles.addAll(javaFiles(root.resolve(with.group(1)), block));
            }
        }
        List<String> statementLines = new ArrayList<>();
        List<Integer> statementReadmeLines = new ArrayList<>();
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            int declared = i;
            while (declared < lines.size() - 1 && ANNOTATION.matcher(lines.get(declared)).matches()) {
                declared++;
            }
            Matcher declaration = DECLARATION.matcher(lines.get(declared));
            if (!declaration.matches()) {
                statementLines.add(lines.get(i));
                statementReadmeLines.add(block.line(i));
                continue;
            }
            int end = declared;
            while (end < lines.size() - 1 && !lines.get(end).stripTrailing().equals("}")) {
                end++;
            }
            sources.add(declaration(declaration.group(1), block, i, end));
            i = end;
        }
        String runner = "ReadmeLine" + block.firstLine();
        List<Claim> claims = new ArrayList<>();
        sources.add(runner(runner, block, statementLines, statementReadmeLines, claims));
        examples.add(new Example(block, runner, runs, List.copyOf(claims)));
    }

    /** The source file of the type {@code name}, declared by the block's lines {@code first} to {@code last}. */
    private static Source declaration(String name, Readme.Block block, int first, int last) {
        List<String> lines = new ArrayList<>(header());
        List<Integer> readmeLines = new ArrayList<>(lines.stream().map(line -> 0).toList());
        for (int i = first; i <= last; i++) {
            lines.add(block.lines().get(i));
            readmeLines.add(block.line(i));
        }
        return new Source(name, lines, readmeLines);
    }

    /**
     * The class whose {@code run} holds the block's statements, each preceded by {@code claims.at(line)}, so a
     * failure names its README line, and wrapped in the checks its comments claim.
     */
    private static Source runner(String name, Readme.Block block, List<String> statementLines,
            List<Integer> statementReadmeLines, List<Claim> claims) {
        List<String> lines = new ArrayList<>(header());
        lines.add("/** The statements of the java block at README.md:" + block.firstLine() + ". */");
        lines.add("public final class " + name + " implements " + RUNNER_INTERFACE + " {");
        lines.add("    @Override");
        lines.add("    public void run(Jdbi jdbi, Handle handle, " + CLAIMS + " claims) throws Exception {");
        List<Integer> readmeLines = new ArrayList<>(lines.stream().map(line -> 0).toList());

        String source = String.join("\n", statementLines);
        for (Statements.Statement statement : Statements.split(source)) {
            int firstLine = Statements.lineOf(source, statement.start());
            int line = statementReadmeLines.get(firstLine);
            List<String> text = new ArrayList<>(List.of(source.substring(statement.start(), statement.end())
                    .split("\n", -1)));
            Integer count = null;
            String value = null;
            for (String comment : statement.comments()) {
                Matcher claimed = COUNT.matcher(comment);
                while (claimed.find()) {
                    assertThat(count).as("README.md:%d: one statement count per statement", line).isNull();
                    count = Integer.valueOf(claimed.group(1));
                    claims.add(new Claim(line, claimed.group()));
                }
                Matcher listed = VALUE.matcher(comment);
                if (listed.matches()) {
                    value = listed.group(1);
                    claims.add(new Claim(line, comment));
                }
            }
            if (value != null) {
                int last = text.size() - 1;
                assertThat(text.get(last)).as("README.md:%d: a value is claimed of an expression statement", line)
                        .endsWith(";");
                text.set(0, "claims.value(" + line + ", " + text.get(0));
                String end = text.get(last);
                text.set(last, end.substring(0, end.length() - 1) + ", java.util.List.of(" + value + "));");
            }
            lines.add("        claims.at(" + line + ");");
            readmeLines.add(line);
            for (int i = 0; i < text.size(); i++) {
                lines.add("        " + text.get(i));
                readmeLines.add(statementReadmeLines.get(firstLine + i));
            }
            if (count != null) {
                lines.add("        claims.statements(" + line + ", " + count + ");");
                readmeLines.add(line);
            }
        }
        lines.add("    }");
        lines.add("}");
        while (readmeLines.size() < lines.size()) {
            readmeLines.add(0);
        }
        return new Source(name, lines, readmeLines);
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("package " + PACKAGE + ";");
        header.add("");
        IMPORTS.forEach(name -> header.add("import " + name + ";"));
        header.add("");
        return header;
    }

    private static List<Path> javaFiles(Path folder, Readme.Block block) {
        assertThat(folder).as("the folder the marker above README.md:%d names", block.firstLine()).isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> java = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            assertThat(java).as("the .java files in %s", folder).isNotEmpty();
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
