package dev.loadplan.it.differential;

import dev.loadplan.it.support.ProcessorBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles generated domains as a user's build does, with the loadplan processor, into a folder of the module's
 * {@code target}, where their sources and the processor's stay for reading when a case fails.
 */
final class GeneratedSources {

    private GeneratedSources() {
    }

    /** Compiles {@code sources} (text by qualified class name) and returns a loader of the classes. */
    static ClassLoader compile(Path folder, Map<String, String> sources) {
        ProcessorBuild build = ProcessorBuild.in(folder);
        List<Path> files = new ArrayList<>();
        try {
            for (Map.Entry<String, String> entry : sources.entrySet()) {
                Path file = build.sources().resolve(entry.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, entry.getValue());
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = build.compile(files).stream().map(Object::toString).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("generated domains in " + build.sources() + " do not compile:\n"
                    + String.join("\n", errors.subList(0, Math.min(20, errors.size()))));
        }
        return build.classes(GeneratedSources.class.getClassLoader());
    }
}
