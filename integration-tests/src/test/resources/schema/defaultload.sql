-- DefaultLinkTest: authors -> books -> reviews -> comments, each relationship declaring another default
-- (Author.books LAZY, Book.reviews SELECT_IN, the rest none, RAISE), for with<Relationship>(plan), which keeps it.
create table authors (
    id   bigint primary key,
    name text not null
);

create table books (
    id        bigint primary key,
    author_id bigint references authors (id),
    title     text not null
);

create table reviews (
    id      bigint primary key,
    book_id bigint not null references books (id),
    stars   integer not null
);

create table comments (
    id        bigint primary key,
    review_id bigint not null references reviews (id),
    body      text not null
);

insert into authors (id, name) values (1, 'ann'), (2, 'bob'), (3, 'cid');
insert into books (id, author_id, title) values (10, 1, 'Atlas'), (11, 1, 'Bay'), (12, 2, 'Arc');
insert into reviews (id, book_id, stars) values (100, 10, 5), (101, 10, 3), (102, 12, 4);
insert into comments (id, review_id, body) values (1000, 100, 'yes'), (1001, 100, 'no'), (1002, 102, 'maybe');
