package readme;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An order of a {@link User}, holding items. */
@Entity(table = "orders")
public class Order {
    @Id long id;
    String description;
    @Relationship(joinColumn = "user_id") User user;
    @Relationship(mappedBy = "order", orderBy = "id") List<Item> items;
}
