-- Every relationship kind, with tables and a column named by reserved words.
create table "user" (
    id   bigserial primary key,
    name text not null
);

-- One-to-one: a user has at most one passport.
create table passport (
    id      bigserial primary key,
    user_id bigint unique references "user" (id),
    number  text not null
);

create table address (
    id     bigserial primary key,
    street text not null
);

-- Many-to-one to "user" (NOT NULL: joined with INNER JOIN), and two relationships to address.
create table "order" (
    id                  bigserial primary key,
    user_id             bigint not null references "user" (id),
    "desc"              text,
    billing_address_id  bigint references address (id),
    shipping_address_id bigint references address (id)
);

create table tag (
    id   bigserial primary key,
    name text not null
);

-- Many-to-many between orders and tags.
create table order_tag (
    order_id bigint not null references "order" (id),
    tag_id   bigint not null references tag (id),
    primary key (order_id, tag_id)
);

-- Self-referential tree.
create table node (
    id        bigserial primary key,
    parent_id bigint references node (id),
    name      text not null
);
