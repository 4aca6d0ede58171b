package compilers.forms;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Column;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;

/** Record-style accessor names: {@code title()} reads, {@code title(v)} writes. */
@Entity(table = "books")
public class FluentBook {
    @Id private long id;
    private String title;
    @Column("author_id") private Long authorId;
    @Relationship(joinColumn = "author_id")
    private Ref<BeanAuthor> author;

    public long id() {
        return id;
    }

    public FluentBook id(long id) {
        this.id = id;
        return this;
    }

    public String title() {
        return title;
    }

    public FluentBook title(String title) {
        this.title = title;
        return this;
    }

    public Long authorId() {
        return authorId;
    }

    public FluentBook authorId(Long authorId) {
        this.authorId = authorId;
        return this;
    }

    public Ref<BeanAuthor> author() {
        return author;
    }

    public FluentBook author(Ref<BeanAuthor> author) {
        this.author = author;
        return this;
    }
}
