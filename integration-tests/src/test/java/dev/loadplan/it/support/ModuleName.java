package dev.loadplan.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The {@code Automatic-Module-Name} of a reactor module: its pom's {@code <loadplan.moduleName>}, which the parent
 * pom's maven-jar-plugin writes into the module's jar. Read here for the jars a test makes of classes folders, so
 * that they are the modules the real jars are.
 */
final class ModuleName {

    private static final String PROPERTY = "loadplan.moduleName";

    private ModuleName() {
    }

    /** The module name of the reactor module whose classes are {@code classes} ({@code <module>/target/classes}). */
    static Optional<String> ofClasses(Path classes) {
        Path pom = classes.toAbsolutePath().getParent().resolveSibling("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                    .getDocumentElement();
            return child(project, "properties").flatMap(properties -> child(properties, PROPERTY))
                    .map(name -> name.getTextContent().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
