-- Issue 25: tickets whose many-to-one targets repeat, for lazy reads answered from the graph.
create table project (id bigint primary key, name text not null);
create table label (id bigint primary key, name text not null);
create table ticket (
    id bigint primary key,
    title text not null,
    project_id bigint not null references project,
    origin_id bigint references project,
    label_id bigint references label
);
