package dev.loadplan.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "review")
public class HReview {
    @Id
    public long id;
    public int stars;
    public String body;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "book_id")
    public HBook book;
}
