-- Entities whose columns come in part from plain superclasses: every table lists the inherited columns first, as
-- the entities map them, but loadplan names each column, so the order here is free.
create table project (
    id         uuid primary key,
    created_at timestamptz not null,
    version    bigint      not null,
    name       text        not null
);

create table ticket (
    id         uuid primary key,
    created_at timestamptz not null,
    version    bigint      not null,
    state      text        not null,
    project_id uuid        references project (id),
    title      text        not null
);

create table note (
    id        bigserial primary key,
    body      text not null,
    ticket_id uuid references ticket (id)
);
