package dev.loadplan.bench;

import dev.loadplan.bench.hibernate.HAuthor;
import dev.loadplan.bench.hibernate.HBook;
import dev.loadplan.bench.jooq.JooqLoads;
import dev.loadplan.bench.model.Author;
import dev.loadplan.bench.model.Book;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How many objects a contender's result holds, counted the same way for every contender of a scenario, so the run
 * checks that all of them load the same graph before it times anything.
 */
final class Agreement {

    private Agreement() {
    }

    /** Authors (a list, or one), their books when {@code levels >= 1}, and the books' reviews when 2. */
    static long authors(Object result, int levels) {
        Collection<?> roots = result instanceof Collection<?> list ? list : result == null ? List.of() : List.of(result);
        long count = 0;
        for (Object author : roots) {
            count++;
            if (levels > 0) {
                for (Object book : books(author)) {
                    count += 1 + (levels > 1 ? reviews(book).size() : 0);
                }
            }
        }
        return count;
    }

    /** Books, and the tags they hold, or the distinct authors they point at. */
    static long books(List<?> books, boolean tags) {
        long count = books.size();
        Set<Long> authors = new HashSet<>();
        for (Object book : books) {
            if (tags) {
                count += tags(book).size();
            } else {
                Long author = authorId(book);
                if (author != null) {
                    authors.add(author);
                }
            }
        }
        return count + authors.size();
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

    private static Long authorId(Object book) {
        if (book instanceof Book model) {
            return model.author() == null ? null : model.author().id();
        }
        if (book instanceof HBook hibernate) {
            return hibernate.author == null ? null : hibernate.author.id;
        }
        JooqLoads.JBook jooq = (JooqLoads.JBook) book;
        return jooq.author() == null ? null : jooq.author().id();
    }
}
