package dev.loadplan.it.writes;

import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import java.util.UUID;

/** An enum over a PostgreSQL enum type, and a nullable UUID. */
@Entity(table = "feeling")
public class Feeling {
    @Id long id;
    public Mood mood;
    public String note;
    public UUID token;

    public enum Mood {
        HAPPY,
        SAD
    }

    public Feeling() {
    }

    public Feeling(Mood mood, String note, UUID token) {
        this.mood = mood;
        this.note = note;
        this.token = token;
    }
}
