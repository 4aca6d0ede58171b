-- The modular application's tables and rows: authors with books, books with a publisher or none.
create table publishers (
    id   bigserial primary key,
    name text not null
);

create table authors (
    id   bigserial primary key,
    name text not null
);

create table books (
    id           bigserial primary key,
    author_id    bigint references authors (id),
    publisher_id bigint references publishers (id),
    title        text   not null
);

insert into publishers (name) values ('Penguin'), ('Vintage');
insert into authors (name) values ('Ada'), ('Brian'), ('Chloe');
insert into books (author_id, publisher_id, title) values
    (1, 1, 'Notes'),
    (1, 2, 'Sketches'),
    (3, 2, 'Letters'),
    (3, null, 'Drafts');
