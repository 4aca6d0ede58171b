package compilers.views;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

@Entity(table = "publishers")
public class Publisher {
    @Id long id;
    String name;
}
