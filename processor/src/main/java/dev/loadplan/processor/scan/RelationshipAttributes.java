package dev.loadplan.processor.scan;

import static dev.loadplan.processor.scan.AnnotationValues.isSet;
import static dev.loadplan.processor.scan.AnnotationValues.string;
import static dev.loadplan.processor.scan.AnnotationValues.value;

import dev.loadplan.planner.LoadStrategy;
import javax.lang.model.element.AnnotationMirror;

/**
 * The attributes of a {@code @Relationship}, with {@code strategySet} telling an explicit strategy apart. A new
 * attribute of the annotation is read here, and only here, as the scan's one record of what a user wrote.
 */
public record RelationshipAttributes(
        String mappedBy,
        String joinColumn,
        String joinTable,
        String joinTableSchema,
        String inverseJoinColumn,
        String orderBy,
        LoadStrategy strategy,
        boolean strategySet,
        boolean innerJoin) {

    /** {@return the attributes {@code relationship} declares, each name and column trimmed, defaults filled in} */
    static RelationshipAttributes of(AnnotationMirror relationship) {
        return new RelationshipAttributes(string(relationship, "mappedBy").trim(),
                string(relationship, "joinColumn").trim(), string(relationship, "joinTable").trim(),
                string(relationship, "joinTableSchema").trim(), string(relationship, "inverseJoinColumn").trim(),
                string(relationship, "orderBy").trim(),
                LoadStrategy.valueOf(value(relationship, "strategy").toString()),
                isSet(relationship, "strategy"), (Boolean) value(relationship, "innerJoin"));
    }
}
