package dev.loadplan.it.views;

/** A plain superclass of a class view: the view maps the id it inherits, as an entity would. */
public abstract class Keyed {
    long id;

    public long id() {
        return id;
    }
}
