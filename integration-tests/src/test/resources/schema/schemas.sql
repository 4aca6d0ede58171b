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

-- A many-to-many across schemas: issues and their association table in tracker, labels in "CRM".
create schema tracker;

create table tracker.issues (
    id    bigserial primary key,
    title text not null
);

create table "CRM".labels (
    id   bigserial primary key,
    name text not null
);

create table tracker.issue_labels (
    issue_id bigint not null references tracker.issues (id),
    label_id bigint not null references "CRM".labels (id),
    primary key (issue_id, label_id)
);

insert into tracker.issues (title) values ('crash'), ('typo'), ('slow');
insert into "CRM".labels (name) values ('bug'), ('docs'), ('perf');
insert into tracker.issue_labels (issue_id, label_id) values (1, 1), (1, 3), (2, 2), (3, 3);
