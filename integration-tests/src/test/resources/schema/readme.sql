-- The tables of README.md's java blocks (ReadmeExamplesTest): authors and books as README declares them, and
-- users -> orders -> items -> keywords and node as src/test/readme declares them. A few rows in each, so every
-- plan README shows has parents and children to load: several authors, so "however many authors" is tested.
create table authors (
    id   bigserial primary key,
    name text not null
);

create table books (
    id        bigserial primary key,
    title     text not null,
    author_id bigint references authors (id)
);

create table users (
    id   bigserial primary key,
    name text not null
);

create table orders (
    id          bigserial primary key,
    user_id     bigint references users (id),
    description text
);

create table items (
    id          bigserial primary key,
    order_id    bigint references orders (id),
    description text not null
);

create table keywords (
    id   bigserial primary key,
    name text not null
);

create table item_keywords (
    item_id    bigint not null references items (id),
    keyword_id bigint not null references keywords (id),
    primary key (item_id, keyword_id)
);

create table node (
    id        bigserial primary key,
    parent_id bigint references node (id),
    name      text not null
);

insert into authors (name) values ('Ursula K. Le Guin'), ('Octavia E. Butler'), ('Ted Chiang'), ('Italo Calvino');
insert into books (title, author_id) values
    ('A Wizard of Earthsea', 1), ('The Left Hand of Darkness', 1), ('The Dispossessed', 1),
    ('Kindred', 2), ('Parable of the Sower', 2),
    ('Invisible Cities', 4), ('Adam, One Afternoon', 4);

insert into users (name) values ('Ada'), ('Alan'), ('Grace');
insert into orders (user_id, description) values (1, 'first'), (1, 'second'), (2, 'third');
insert into items (order_id, description) values (1, 'pen'), (1, 'ink'), (2, 'paper'), (3, 'lamp');
insert into keywords (name) values ('writing'), ('office'), ('light');
insert into item_keywords (item_id, keyword_id) values (1, 1), (1, 2), (2, 1), (3, 2), (4, 3);

insert into node (parent_id, name) values (null, 'root'), (1, 'a'), (1, 'b'), (2, 'a1'), (4, 'a11'), (null, 'other');
