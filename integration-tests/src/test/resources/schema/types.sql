-- One column per scalar type the processor maps (ScalarType), in its order: NOT NULL for the primitive fields,
-- nullable for the boxed and object ones. numeric is unconstrained, so a BigDecimal keeps its scale exactly;
-- time and timestamp keep microseconds, PostgreSQL's precision.
create table everything (
    id           bigserial primary key,
    flag         boolean          not null,
    maybe_flag   boolean,
    small        smallint         not null,
    maybe_small  smallint,
    count        integer          not null,
    maybe_count  integer,
    big          bigint           not null,
    maybe_big    bigint,
    ratio        real             not null,
    maybe_ratio  real,
    amount       double precision not null,
    maybe_amount double precision,
    text         text,
    price        numeric,
    reference    uuid,
    day          date,
    alarm        time,
    moment       timestamp,
    instant      timestamptz,
    seen         timestamptz,
    payload      bytea,
    color        text
);

-- Drawers hold rows of everything, for loading every type through a relationship.
create table drawers (
    id    bigserial primary key,
    label text
);

create table drawer_items (
    drawer_id bigint not null references drawers (id),
    item_id   bigint not null references everything (id),
    primary key (drawer_id, item_id)
);
