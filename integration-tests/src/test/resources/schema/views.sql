-- Issue 24: views over entities whose rows carry long text a list page does not show.
create table publisher (id bigint primary key, name text not null, address text not null);
create table author (
    id bigint primary key,
    name text not null,
    born_year integer not null,
    biography text not null,
    publisher_id bigint references publisher
);
create table book (
    id bigint primary key,
    author_id bigint not null references author,
    title text not null,
    pages integer,
    format text not null default 'PAPERBACK',
    blurb text not null
);
create index book_author_id on book (author_id);
create table tag (id bigint primary key, label text not null, description text not null);
create table book_tag (
    book_id bigint not null references book,
    tag_id bigint not null references tag,
    primary key (book_id, tag_id)
);
