package compilers.before;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** Fields declared out of alphabetical order: Eclipse's compiler lists a compiled class's fields by name. */
@Entity(table = "editions")
public class Edition {
    @Id long id;
    String title;
    String isbn;
    @Relationship(joinColumn = "catalog_id") Catalog catalog;
}
