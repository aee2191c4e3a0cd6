-- STIX import bookkeeping, TAXII credentials and TAXII status resources (docs/taxii.md).
-- Written in the SQL subset H2 2.x and PostgreSQL 15 share.

-- Which hub object an imported STIX id became, per importing organisation, and the newest
-- `modified` imported for it: a replay of the same (id, modified) changes nothing.
create table stix_import (
    org_id      varchar(64)              not null,
    stix_id     varchar(100)             not null,
    hub_id      varchar(100)             not null,
    modified_at timestamp with time zone not null,
    constraint pk_stix_import primary key (org_id, stix_id),
    constraint fk_stix_import_org foreign key (org_id) references organization (id)
);

-- A TAXII credential: the token is stored only as SHA-256 (standard base64), unique, so a Bearer
-- token finds its credential without a user name.
create table taxii_credential (
    username     varchar(64)              not null,
    org_id       varchar(64)              not null,
    token_sha256 varchar(64)              not null,
    label        varchar(200)             not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(200)             not null,
    revoked_at   timestamp with time zone,
    constraint pk_taxii_credential primary key (username),
    constraint uq_taxii_credential_token unique (token_sha256),
    constraint fk_taxii_credential_org foreign key (org_id) references organization (id)
);
create index ix_taxii_credential_org on taxii_credential (org_id, created_at);

-- The status resource of a TAXII POST (complete when written: the hub imports synchronously).
create table taxii_status (
    id            varchar(36)              not null,
    org_id        varchar(64)              not null,
    collection_id varchar(36)              not null,
    created_at    timestamp with time zone not null,
    body          varchar(200000)          not null,
    constraint pk_taxii_status primary key (id),
    constraint fk_taxii_status_org foreign key (org_id) references organization (id)
);

-- Every version in date-added order (TAXII match[version]=all), sightings likewise; indicators in
-- creation order (lists and STIX exports page on it).
create index ix_indicator_created on indicator (created_at, id);
create index ix_indicator_version_modified on indicator_version (modified_at, indicator_id, version_no);
create index ix_sighting_created on sighting (created_at, id);
