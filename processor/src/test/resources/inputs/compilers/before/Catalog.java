package compilers.before;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** Compiled after {@link Edition}, which it reads from class files only. */
@Entity(table = "catalogs")
public class Catalog {
    @Id long id;
    String name;
    @Relationship(mappedBy = "catalog", orderBy = "id") List<Edition> editions;
}
