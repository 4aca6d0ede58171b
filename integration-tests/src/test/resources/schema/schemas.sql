-- Tables outside the search path, in schemas an entity names: one plain, one whose mixed-case name needs quotes.
create schema sales;
create schema "CRM";

create table "CRM".customers (
    id   bigserial primary key,
    name text not null
);

create table sales.orders (
    id          bigserial primary key,
    reference   text not null,
    customer_id bigint references "CRM".customers (id)
);

insert into "CRM".customers (name) values ('Ann'), ('Bob'), ('Cid');
insert into sales.orders (reference, customer_id) values ('a1', 1), ('c1', 3), ('a2', 1), ('none', null);
