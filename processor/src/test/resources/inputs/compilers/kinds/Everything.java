package compilers.kinds;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A field of every scalar type, and a UUID key the application assigns. */
@Entity(table = "everything")
public class Everything {
    @Id UUID id;
    boolean flag;
    Boolean maybeFlag;
    short small;
    Short maybeSmall;
    int count;
    Integer maybeCount;
    long big;
    Long maybeBig;
    float ratio;
    Float maybeRatio;
    double amount;
    Double maybeAmount;
    String text;
    BigDecimal price;
    UUID reference;
    LocalDate day;
    LocalTime alarm;
    LocalDateTime moment;
    OffsetDateTime instant;
    Instant seen;
    byte[] payload;
    Color color;
    transient String notMapped;
    static final String NOT_MAPPED_EITHER = "";

    enum Color { RED, GREEN }
}
