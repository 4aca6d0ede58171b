package readme;

import dev.loadplan.Strategy;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/**
 * README's users -> orders -> items -> keywords (SQLAlchemy's loading examples), which README uses without declaring.
 * Not a test source: ReadmeExamplesTest compiles this folder with README's java blocks, as a marker there says.
 * {@code orders} declares LAZY, which README's {@code withOrders(plan)} keeps.
 */
@Entity(table = "users")
public class User {
    @Id long id;
    String name;
    @Relationship(mappedBy = "user", orderBy = "id", strategy = Strategy.LAZY) List<Order> orders;
}
