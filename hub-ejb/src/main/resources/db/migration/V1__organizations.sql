-- Organisation registry. Written in the SQL subset H2 2.x and PostgreSQL 15 share.
create table organization (
    id            varchar(64)              not null,
    name          varchar(200)             not null,
    kind          varchar(16)              not null,
    country       varchar(2)               not null,
    contact_point varchar(320)             not null,
    status        varchar(16)              not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null,
    constraint pk_organization primary key (id),
    constraint ck_organization_kind check (kind in ('AUTHORITY', 'PLATFORM', 'AUDITOR', 'OPERATOR')),
    constraint ck_organization_status check (status in ('ACTIVE', 'SUSPENDED'))
);
