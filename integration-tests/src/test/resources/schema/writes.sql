-- What DAOs write: foreign keys a load may or may not have read, application-assigned UUID and text keys,
-- a PostgreSQL enum type, and a version column for optimistic locking.
create type mood as enum ('HAPPY', 'SAD');

create table publisher (
    id   bigserial primary key,
    name text not null
);

create table editor (
    id   uuid primary key,
    name text not null
);

create table series (
    code  text primary key,
    label text not null
);

create table title (
    id           bigserial primary key,
    name         text    not null,
    publisher_id bigint  references publisher (id),
    editor_id    uuid    references editor (id),
    series_code  text    references series (code),
    version      integer not null default 0
);

create table feeling (
    id    bigserial primary key,
    mood  mood,
    note  text,
    token uuid
);

create table memo (
    id      bigserial primary key,
    text    text   not null,
    version bigint not null default 0
);

create table pair (
    id       bigserial primary key,
    title    text not null,
    subtitle text not null
);
