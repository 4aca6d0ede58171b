package dev.loadplan.it.views;

public enum Format {
    HARDCOVER, PAPERBACK
}
