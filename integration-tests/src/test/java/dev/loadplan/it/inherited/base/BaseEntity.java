package dev.loadplan.it.inherited.base;

import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * What every entity of a team's domain shares, kept in a package of its own, as JPA's {@code @MappedSuperclass}
 * would be: private fields, reached through its public accessors.
 */
public abstract class BaseEntity {
    @Id private UUID id;
    private Instant createdAt;
    @Version private long version;

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
