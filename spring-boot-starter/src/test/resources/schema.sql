CREATE TABLE authors (
    id      bigserial PRIMARY KEY,
    name    text      NOT NULL UNIQUE,
    version bigint    NOT NULL DEFAULT 0
);

CREATE TABLE books (
    id        bigserial PRIMARY KEY,
    title     text      NOT NULL,
    author_id bigint    NOT NULL REFERENCES authors (id)
);
