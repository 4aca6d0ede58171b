package dev.loadplan.bench;

import dev.loadplan.bench.hibernate.HAuthor;
import dev.loadplan.bench.hibernate.HBook;
import dev.loadplan.bench.hibernate.HReview;
import dev.loadplan.bench.hibernate.HTag;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.AuthorCard;
import dev.loadplan.bench.model.AuthorCardClass;
import dev.loadplan.bench.model.Book;
import dev.loadplan.bench.model.BookLine;
import dev.loadplan.bench.model.BookLineClass;
import dev.loadplan.bench.model.Review;
import dev.loadplan.bench.model.Tag;
import dev.loadplan.bench.model.WideAuthor;
import dev.loadplan.bench.model.WideBook;
import java.util.Collection;
import java.util.List;

/**
 * What a contender's result holds, summed up the same way for every contender of a scenario (loadplan's model,
 * Hibernate's entities, jOOQ's records), so the run checks that all of them load the same graph before it times
 * anything: how many objects, and a fingerprint of their keys in the order the graph holds them.
 */
final class Agreement {

    /** A graph summed up: its objects, and a hash of every key in the order a walk of the graph meets them. */
    record Graph(long objects, long fingerprint) {

        Graph add(long id) {
            return new Graph(objects + 1, fingerprint * 31 + id);
        }

        /** The same objects, the fingerprint holding {@code text} too: a column a graph must have read right. */
        Graph with(String text) {
            return new Graph(objects, fingerprint * 31 + text.hashCode());
        }
    }

    private Agreement() {
    }

    /** Authors (a list, or one), their books when {@code levels >= 1}, and the books' reviews when 2. */
    static Graph authors(Object result, int levels) {
        Collection<?> roots = result instanceof Collection<?> list ? list : result == null ? List.of() : List.of(result);
        Graph graph = new Graph(0, 1);
        for (Object author : roots) {
            graph = graph.add(id(author));
            if (levels > 0) {
                for (Object book : books(author)) {
                    graph = graph.add(id(book));
                    if (levels > 1) {
                        for (Object review : reviews(book)) {
                            graph = graph.add(id(review));
                        }
                    }
                }
            }
        }
        return graph;
    }

    /**
     * A list page: authors with their books, as views ({@link AuthorCard} and {@link BookLine}, or their class
     * forms) or entities ({@link WideAuthor}, {@link WideBook}); the fingerprint holds every name and title too, the
     * columns a page shows, so a view that read a wrong column does not agree.
     */
    static Graph listPage(List<?> authors) {
        Graph graph = new Graph(0, 1);
        for (Object author : authors) {
            if (author instanceof AuthorCard card) {
                graph = graph.add(card.id()).with(card.name());
                for (BookLine book : card.books()) {
                    graph = graph.add(book.id()).with(book.title());
                }
            } else if (author instanceof AuthorCardClass card) {
                graph = graph.add(card.id()).with(card.name());
                for (BookLineClass book : card.books()) {
                    graph = graph.add(book.id()).with(book.title());
                }
            } else {
                WideAuthor entity = (WideAuthor) author;
                graph = graph.add(entity.id()).with(entity.name());
                for (WideBook book : entity.books()) {
                    graph = graph.add(book.id()).with(book.title());
                }
            }
        }
        return graph;
    }

    /** Books, and the tags each holds, or the author each points at. */
    static Graph books(List<?> books, boolean tags) {
        Graph graph = new Graph(0, 1);
        for (Object book : books) {
            graph = graph.add(id(book));
            if (tags) {
                for (Object tag : tags(book)) {
                    graph = graph.add(id(tag));
                }
            } else {
                Object author = author(book);
                graph = graph.add(author == null ? -1 : id(author));
            }
        }
        return graph;
    }

    private static long id(Object object) {
        if (object instanceof Author model) {
            return model.id();
        } else if (object instanceof Book model) {
            return model.id();
        } else if (object instanceof Review model) {
            return model.id();
        } else if (object instanceof Tag model) {
            return model.id();
        } else if (object instanceof HAuthor hibernate) {
            return hibernate.id;
        } else if (object instanceof HBook hibernate) {
            return hibernate.id;
        } else if (object instanceof HReview hibernate) {
            return hibernate.id;
        } else if (object instanceof HTag hibernate) {
            return hibernate.id;
        } else if (object instanceof JooqLoads.JAuthor jooq) {
            return jooq.id();
        } else if (object instanceof JooqLoads.JBook jooq) {
            return jooq.id();
        } else if (object instanceof JooqLoads.JReview jooq) {
            return jooq.id();
        } else if (object instanceof JooqLoads.JTag jooq) {
            return jooq.id();
        }
        throw new IllegalArgumentException("not a benchmark entity: " + object);
    }

    private static List<?> books(Object author) {
        if (author instanceof Author model) {
            return model.books();
        }
        if (author instanceof HAuthor hibernate) {
            return hibernate.books;
        }
        return ((JooqLoads.JAuthor) author).books();
    }

    private static List<?> reviews(Object book) {
        if (book instanceof Book model) {
            return model.reviews();
        }
        if (book instanceof HBook hibernate) {
            return hibernate.reviews;
        }
        return ((JooqLoads.JBook) book).reviews();
    }

    private static List<?> tags(Object book) {
        if (book instanceof Book model) {
            return model.tags();
        }
        if (book instanceof HBook hibernate) {
            return hibernate.tags;
        }
        return ((JooqLoads.JBook) book).tags();
    }

    private static Object author(Object book) {
        if (book instanceof Book model) {
            return model.author();
        }
        if (book instanceof HBook hibernate) {
            return hibernate.author;
        }
        return ((JooqLoads.JBook) book).author();
    }
}
