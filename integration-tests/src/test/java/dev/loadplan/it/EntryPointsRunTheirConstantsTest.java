package dev.loadplan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loadplan.LoaderSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the generated sources say is what runs, for every loader of this module: each static entry point's plan
 * runs exactly the constants its Javadoc names, in that order, declared defaults included.
 */
class EntryPointsRunTheirConstantsTest {

    /** Every loader generated in this module; {@link #everyGeneratedLoaderIsChecked} keeps the list whole. */
    private static final Map<String, LoaderSchema> LOADERS = loaders(
            dev.loadplan.it.beans.BeanAuthorLoader.SCHEMA, dev.loadplan.it.beans.FluentBookLoader.SCHEMA,
            dev.loadplan.it.defaultload.AuthorLoader.SCHEMA, dev.loadplan.it.defaultload.BookLoader.SCHEMA,
            dev.loadplan.it.defaultload.CommentLoader.SCHEMA, dev.loadplan.it.defaultload.ReviewLoader.SCHEMA,
            dev.loadplan.it.identity.LabelLoader.SCHEMA, dev.loadplan.it.identity.ProjectLoader.SCHEMA,
            dev.loadplan.it.identity.TicketLoader.SCHEMA,
            dev.loadplan.it.inherited.NoteLoader.SCHEMA, dev.loadplan.it.inherited.ProjectLoader.SCHEMA,
            dev.loadplan.it.inherited.TicketLoader.SCHEMA,
            dev.loadplan.it.library.AuthorLoader.SCHEMA, dev.loadplan.it.library.BookLoader.SCHEMA,
            dev.loadplan.it.mixed.LabelLoader.SCHEMA, dev.loadplan.it.mixed.NovelLoader.SCHEMA,
            dev.loadplan.it.mixed.PersonLoader.SCHEMA, dev.loadplan.it.mixed.PlaqueLoader.SCHEMA,
            dev.loadplan.it.mixed.ShelfLoader.SCHEMA, dev.loadplan.it.mixed.TopicLoader.SCHEMA,
            dev.loadplan.it.mixed.VolumeLoader.SCHEMA, dev.loadplan.it.mixed.WriterLoader.SCHEMA,
            dev.loadplan.it.paths.AddressLoader.SCHEMA, dev.loadplan.it.paths.ItemLoader.SCHEMA,
            dev.loadplan.it.paths.KeywordLoader.SCHEMA, dev.loadplan.it.paths.OrderLoader.SCHEMA,
            dev.loadplan.it.paths.UserLoader.SCHEMA, dev.loadplan.it.records.RecordAuthorLoader.SCHEMA,
            dev.loadplan.it.records.RecordBookLoader.SCHEMA, dev.loadplan.it.records.RecordNodeLoader.SCHEMA,
            dev.loadplan.it.schemas.CustomerLoader.SCHEMA, dev.loadplan.it.schemas.SalesOrderLoader.SCHEMA,
            dev.loadplan.it.schemas.IssueLoader.SCHEMA, dev.loadplan.it.schemas.IssueLabelLoader.SCHEMA,
            dev.loadplan.it.shop.AddressLoader.SCHEMA, dev.loadplan.it.shop.NodeLoader.SCHEMA,
            dev.loadplan.it.shop.OrderLoader.SCHEMA, dev.loadplan.it.shop.PassportLoader.SCHEMA,
            dev.loadplan.it.shop.TagLoader.SCHEMA, dev.loadplan.it.shop.UserLoader.SCHEMA,
            dev.loadplan.it.types.DrawerLoader.SCHEMA, dev.loadplan.it.types.EverythingLoader.SCHEMA,
            dev.loadplan.it.writes.EditorLoader.SCHEMA,
            dev.loadplan.it.writes.FeelingLoader.SCHEMA, dev.loadplan.it.writes.MemoLoader.SCHEMA,
            dev.loadplan.it.writes.PairLoader.SCHEMA,
            dev.loadplan.it.writes.PublisherLoader.SCHEMA, dev.loadplan.it.writes.SeriesLoader.SCHEMA,
            dev.loadplan.it.writes.TitleLoader.SCHEMA,
            dev.loadplan.it.views.AuthorLoader.SCHEMA, dev.loadplan.it.views.BookLoader.SCHEMA,
            dev.loadplan.it.views.PublisherLoader.SCHEMA, dev.loadplan.it.views.TagLoader.SCHEMA,
            dev.loadplan.it.views.AuthorCardLoader.SCHEMA, dev.loadplan.it.views.AuthorNameLoader.SCHEMA,
            dev.loadplan.it.views.BookLineLoader.SCHEMA, dev.loadplan.it.views.BookSummaryLoader.SCHEMA);

    /** A static entry point's Javadoc, then its declaration. */
    private static final Pattern ENTRY_POINT = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static Plan (\\w+)\\(\\)", Pattern.DOTALL);
    private static final Pattern CONSTANT_LINK = Pattern.compile("\\{@link #([A-Z0-9_]+)}");

    @Test
    void everyGeneratedLoaderIsChecked() throws IOException {
        assertThat(LOADERS.keySet()).containsExactlyInAnyOrderElementsOf(generatedLoaders().keySet());
    }

    @Test
    void aDeclaredEagerDefaultIsInTheConstantsOfThePlansThatRunIt() {
        // Order.tags is declared JOINED, Tag.orders SELECT_IN: plain() runs them, and its constants show them.
        assertThat(dev.loadplan.it.shop.OrderLoader.plain().sql())
                .containsExactly(dev.loadplan.it.shop.OrderLoader.PLAIN);
        assertThat(dev.loadplan.it.shop.OrderLoader.PLAIN).contains("LEFT OUTER JOIN tag AS lp_tags");
        assertThat(dev.loadplan.it.shop.TagLoader.plain().sql()).containsExactly(
                dev.loadplan.it.shop.TagLoader.PLAIN, dev.loadplan.it.shop.TagLoader.ORDERS_SELECT_IN);
        assertThat(dev.loadplan.it.shop.UserLoader.withOrdersSelectIn().sql()).containsExactly(
                dev.loadplan.it.shop.UserLoader.PLAIN, dev.loadplan.it.shop.UserLoader.ORDERS_SELECT_IN);
        assertThat(dev.loadplan.it.shop.UserLoader.ORDERS_SELECT_IN).contains("LEFT OUTER JOIN tag AS lp_tags");
    }

    @TestFactory
    Stream<DynamicTest> eachEntryPointRunsTheConstantsItsJavadocNames() throws IOException {
        Map<String, Path> sources = generatedLoaders();
        List<DynamicTest> tests = new ArrayList<>();
        LOADERS.forEach((loader, schema) -> tests.add(DynamicTest.dynamicTest(loader, () -> {
            Map<String, List<String>> documented = documentedConstants(Files.readString(sources.get(loader)));
            assertThat(schema.entryPoints()).extracting(LoaderSchema.EntryPoint::method)
                    .as("entry points of %s", loader)
                    .containsExactlyInAnyOrderElementsOf(documented.keySet());
            for (LoaderSchema.EntryPoint entryPoint : schema.entryPoints()) {
                List<String> constants = documented.get(entryPoint.method());
                assertThat(entryPoint.constants()).as("constants of %s.%s", loader, entryPoint.method())
                        .isEqualTo(constants);
                assertThat(entryPoint.plan().sql()).as("what %s.%s runs", loader, entryPoint.method())
                        .isEqualTo(constants.stream().map(schema.statements()::get).toList());
            }
        })));
        return tests.stream();
    }

    /** Each static entry point of a loader's source, with the constants its Javadoc names, in order. */
    private static Map<String, List<String>> documentedConstants(String source) {
        Map<String, List<String>> documented = new TreeMap<>();
        Matcher entryPoint = ENTRY_POINT.matcher(source);
        while (entryPoint.find()) {
            List<String> constants = new ArrayList<>();
            Matcher link = CONSTANT_LINK.matcher(entryPoint.group(1));
            while (link.find()) {
                constants.add(link.group(1));
            }
            documented.put(entryPoint.group(2) + "()", constants);
        }
        return documented;
    }

    /** The sources of every loader the processor generated for this module's tests, by simple class name. */
    private static Map<String, Path> generatedLoaders() throws IOException {
        Path generated = Path.of(System.getProperty("basedir", "."), "target", "generated-test-sources",
                "test-annotations");
        Map<String, Path> loaders = new TreeMap<>();
        try (Stream<Path> files = Files.walk(generated)) {
            files.filter(file -> file.getFileName().toString().endsWith("Loader.java"))
                    .forEach(file -> loaders.put(generated.relativize(file).toString().replace('/', '.')
                            .replace(".java", ""), file));
        }
        return loaders;
    }

    private static Map<String, LoaderSchema> loaders(LoaderSchema... schemas) {
        Map<String, LoaderSchema> loaders = new TreeMap<>();
        for (LoaderSchema schema : schemas) {
            // AuthorLoader.Plan is nested in the loader it belongs to.
            String plan = schema.entryPoints().get(0).plan().getClass().getName();
            loaders.put(plan.substring(0, plan.lastIndexOf('$')), schema);
        }
        return loaders;
    }
}
