package dev.loadplan.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.List;

@Entity
@Table(name = "author")
public class HAuthor {
    @Id
    public long id;
    public String name;
    @OneToMany(mappedBy = "author")
    @OrderBy("id")
    public List<HBook> books;
}
