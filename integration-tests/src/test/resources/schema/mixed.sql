-- A class (shelf) and records (volume, label, plaque, topic) on either side of every relationship kind.
create table label (
    id   bigserial primary key,
    text text not null
);

create table shelf (
    id       bigserial primary key,
    name     text not null,
    label_id bigint references label (id)
);

create table volume (
    id       bigserial primary key,
    shelf_id bigint references shelf (id),
    title    text not null
);

create table plaque (
    id       bigserial primary key,
    shelf_id bigint unique references shelf (id),
    text     text not null
);

create table topic (
    id   bigserial primary key,
    name text not null
);

create table shelf_topic (
    shelf_id bigint not null references shelf (id),
    topic_id bigint not null references topic (id),
    primary key (shelf_id, topic_id)
);

-- Records that declare both directions, and a record with two references to its own kind.
create table writer (
    id   bigserial primary key,
    name text not null
);

create table novel (
    id        bigserial primary key,
    writer_id bigint references writer (id),
    title     text not null
);

create table person (
    id        bigserial primary key,
    name      text not null,
    mother_id bigint references person (id),
    father_id bigint references person (id)
);
