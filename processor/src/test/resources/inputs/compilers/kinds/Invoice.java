package compilers.kinds;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.math.BigDecimal;

/** The inverse side of a one-to-one. */
@Entity(table = "invoice")
public class Invoice {
    @Id long id;
    BigDecimal total;
    @Relationship(mappedBy = "invoice")
    Order order;
}
