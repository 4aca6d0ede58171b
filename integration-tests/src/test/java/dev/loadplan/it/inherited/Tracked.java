package dev.loadplan.it.inherited;

import dev.loadplan.Ref;
import dev.loadplan.annotations.Relationship;
import dev.loadplan.it.inherited.base.BaseEntity;

/** A second level, in the entities' package: a column and a relationship, read directly. */
public abstract class Tracked extends BaseEntity {
    String state;
    @Relationship(joinColumn = "project_id") Ref<Project> project;
}
