package dev.loadplan.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "book")
public class HBook {
    @Id
    public long id;
    public String title;
    public int year;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public HAuthor author;
    /** Loaded for all books of a session at once, when the first is read: Hibernate's best for a second level. */
    @OneToMany(mappedBy = "book")
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    public List<HReview> reviews;
    @ManyToMany
    @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("id")
    public List<HTag> tags;
}
