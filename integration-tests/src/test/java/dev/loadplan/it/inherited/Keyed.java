package dev.loadplan.it.inherited;

import dev.loadplan.annotations.Id;

/** A generic superclass: the entity chooses the key's type. */
public abstract class Keyed<K> {
    @Id K id;
}
