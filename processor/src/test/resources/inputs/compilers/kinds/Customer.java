package compilers.kinds;

import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** One-to-many with a declared default, in a schema of its own. */
@Entity(schema = "sales", table = "customer")
public class Customer {
    @Id long id;
    String name;
    @Relationship(mappedBy = "customer", orderBy = "placed_at DESC, id", strategy = Strategy.SELECT_IN)
    List<Order> orders;
}
