package readme;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** An item of an {@link Order}, with keywords shared between items (many-to-many). */
@Entity(table = "items")
public class Item {
    @Id long id;
    String description;
    @Relationship(joinColumn = "order_id") Order order;
    @Relationship(joinTable = "item_keywords", joinColumn = "item_id", inverseJoinColumn = "keyword_id",
            orderBy = "name")
    List<Keyword> keywords;
}
