package dev.loadplan.it.writes;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;

/** A text key the application assigns. */
@Entity(table = "series")
public class Series {
    @Id String code;
    String label;

    public Series() {
    }

    public Series(String code, String label) {
        this.code = code;
        this.label = label;
    }
}
