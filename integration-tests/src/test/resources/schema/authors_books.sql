-- Authors and their books: one-to-many from authors, many-to-one from books.
create table authors (
    id   bigserial primary key,
    name text not null
);

create table books (
    id        bigserial primary key,
    author_id bigint references authors (id),
    title     text   not null
);
create index books_author_id on books (author_id);
