package compilers.kinds;

import dev.loadplan.Ref;
import dev.loadplan.Strategy;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.annotations.Version;
import java.time.OffsetDateTime;
import java.util.List;

/** Table "order", a reserved word: many-to-one, one-to-one owning and many-to-many, and a version. */
@Entity(table = "order")
public class Order {
    @Id long id;
    @Column("placed_at") OffsetDateTime placedAt;
    @Relationship(joinColumn = "customer_id", innerJoin = true, strategy = Strategy.JOINED)
    Customer customer;
    @Relationship(joinColumn = "invoice_id")
    Ref<Invoice> invoice;
    @Relationship(joinTable = "order_tags", joinColumn = "order_id", inverseJoinColumn = "tag_code",
            orderBy = "label DESC")
    List<Tag> tags;
    @Version int version;
}
