package dev.loadplan.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "tag")
public class HTag {
    @Id
    public long id;
    public String label;
}
