-- SQLAlchemy's loading examples: users -> orders -> items -> keywords, and users -> addresses.
create table users (
    id   bigserial primary key,
    name text not null
);

create table addresses (
    id            bigserial primary key,
    user_id       bigint references users (id),
    email_address text not null
);

-- user_id is nullable: an order may belong to nobody.
create table orders (
    id          bigserial primary key,
    user_id     bigint references users (id),
    description text
);

create table items (
    id          bigserial primary key,
    description text not null
);

create table order_items (
    order_id bigint not null references orders (id),
    item_id  bigint not null references items (id),
    primary key (order_id, item_id)
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
