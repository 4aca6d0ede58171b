package compilers.kinds;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Entity;
import dev.loadplan.annotations.Id;
import dev.loadplan.annotations.Relationship;
import java.util.List;

/** Self-referential, both ways. */
@Entity(table = "employee")
public class Employee {
    @Id long id;
    String name;
    @Relationship(joinColumn = "manager_id")
    Ref<Employee> manager;
    @Relationship(mappedBy = "manager", orderBy = "name")
    List<Employee> reports;
}
