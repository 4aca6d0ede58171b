package dev.loadplan.it.types;

/** Stored by name in a text column. */
public enum Color {
    RED,
    GREEN,
    BLUE
}
