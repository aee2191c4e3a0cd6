-- Indicator sharing (docs/indicators.md): indicators with their versions, who they are shared with,
-- their derivation lineage, sharing groups, sightings; inbox events and webhook deliveries about
-- indicators and sightings. Written in the SQL subset H2 2.x and PostgreSQL 15 share.

-- One row per indicator: its identity and its current version's marking, distribution keys and
-- filter columns. Every read decides visibility from these current columns (and
-- indicator_recipient, indicator_group, sharing_group_member, indicator_lineage), in SQL.
create table indicator (
    id              varchar(48)              not null,
    author_org      varchar(64)              not null,
    client_ref      varchar(128)             not null,
    request_sha256  varchar(44)              not null,
    type            varchar(16)              not null,
    item_value      varchar(2048)            not null,
    platform        varchar(63),
    algorithm       varchar(16),
    language        varchar(2),
    normalized      varchar(2200)            not null,
    value_key       varchar(44)              not null,
    report_key      varchar(44)              not null,
    tlp             varchar(16)              not null,
    current_version integer                  not null,
    revoked         boolean                  not null,
    confidence      integer                  not null,
    valid_from      timestamp with time zone not null,
    valid_until     timestamp with time zone,
    election        varchar(64),
    derived_from    varchar(48),
    created_at      timestamp with time zone not null,
    modified_at     timestamp with time zone not null,
    constraint pk_indicator primary key (id),
    constraint uq_indicator_client_ref unique (author_org, client_ref),
    constraint fk_indicator_author foreign key (author_org) references organization (id),
    constraint fk_indicator_derived foreign key (derived_from) references indicator (id),
    constraint ck_indicator_type check (type in ('URL', 'DOMAIN', 'ACCOUNT', 'HASHTAG', 'CONTENT_HASH', 'NARRATIVE')),
    constraint ck_indicator_tlp check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    constraint ck_indicator_confidence check (confidence between 0 and 100),
    constraint ck_indicator_version check (current_version >= 1)
);
create index ix_indicator_modified on indicator (modified_at, id);
create index ix_indicator_author on indicator (author_org, modified_at);
create index ix_indicator_value_key on indicator (value_key);
create index ix_indicator_report_key on indicator (report_key);

-- Every version as made, never changed: what readers of the versions see.
create table indicator_version (
    indicator_id      varchar(48)              not null,
    version_no        integer                  not null,
    tlp               varchar(16)              not null,
    description       varchar(4000),
    confidence        integer                  not null,
    valid_from        timestamp with time zone not null,
    valid_until       timestamp with time zone,
    techniques        varchar(400)             not null,
    election          varchar(64),
    revoked           boolean                  not null,
    note              varchar(1000),
    distribution_json varchar(8000)            not null,
    related_json      varchar(4000)            not null,
    author_principal  varchar(256),
    modified_at       timestamp with time zone not null,
    constraint pk_indicator_version primary key (indicator_id, version_no),
    constraint fk_indicator_version_indicator foreign key (indicator_id) references indicator (id)
);

-- The current version's DISARM techniques, named organisations and named sharing groups.
create table indicator_technique (
    indicator_id varchar(48) not null,
    technique_id varchar(16) not null,
    constraint pk_indicator_technique primary key (indicator_id, technique_id),
    constraint fk_indicator_technique_indicator foreign key (indicator_id) references indicator (id)
);
create index ix_indicator_technique on indicator_technique (technique_id);

create table indicator_recipient (
    indicator_id varchar(48) not null,
    org_id       varchar(64) not null,
    constraint pk_indicator_recipient primary key (indicator_id, org_id),
    constraint fk_indicator_recipient_indicator foreign key (indicator_id) references indicator (id),
    constraint fk_indicator_recipient_org foreign key (org_id) references organization (id)
);
create index ix_indicator_recipient_org on indicator_recipient (org_id);

create table sharing_group (
    id          varchar(42)              not null,
    owner_org   varchar(64)              not null,
    name        varchar(120)             not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint pk_sharing_group primary key (id),
    constraint uq_sharing_group_name unique (owner_org, name),
    constraint fk_sharing_group_owner foreign key (owner_org) references organization (id)
);

create table sharing_group_member (
    group_id varchar(42)              not null,
    org_id   varchar(64)              not null,
    added_at timestamp with time zone not null,
    constraint pk_sharing_group_member primary key (group_id, org_id),
    constraint fk_sharing_group_member_group foreign key (group_id) references sharing_group (id),
    constraint fk_sharing_group_member_org foreign key (org_id) references organization (id)
);
create index ix_sharing_group_member_org on sharing_group_member (org_id);

create table indicator_group (
    indicator_id varchar(48) not null,
    group_id     varchar(42) not null,
    constraint pk_indicator_group primary key (indicator_id, group_id),
    constraint fk_indicator_group_indicator foreign key (indicator_id) references indicator (id),
    constraint fk_indicator_group_group foreign key (group_id) references sharing_group (id)
);
create index ix_indicator_group_group on indicator_group (group_id);

-- Every ancestor of a derived indicator (its source, its source's source …): a reader must be able
-- to read each of them too, so a copy is never wider than what it was copied from.
create table indicator_lineage (
    indicator_id varchar(48) not null,
    ancestor_id  varchar(48) not null,
    constraint pk_indicator_lineage primary key (indicator_id, ancestor_id),
    constraint fk_indicator_lineage_indicator foreign key (indicator_id) references indicator (id),
    constraint fk_indicator_lineage_ancestor foreign key (ancestor_id) references indicator (id)
);

create table sighting (
    id             varchar(48)              not null,
    indicator_id   varchar(48)              not null,
    reporter_org   varchar(64)              not null,
    client_ref     varchar(128)             not null,
    request_sha256 varchar(44)              not null,
    seen_count     integer                  not null,
    first_seen     timestamp with time zone not null,
    last_seen      timestamp with time zone not null,
    observed_on    varchar(63)              not null,
    territories    varchar(300)             not null,
    action         varchar(32)              not null,
    description    varchar(2000),
    tlp            varchar(16)              not null,
    related_case   varchar(41),
    related_item   integer,
    distribution_json varchar(8000)         not null,
    created_at     timestamp with time zone not null,
    constraint pk_sighting primary key (id),
    constraint uq_sighting_client_ref unique (reporter_org, client_ref),
    constraint fk_sighting_indicator foreign key (indicator_id) references indicator (id),
    constraint fk_sighting_reporter foreign key (reporter_org) references organization (id),
    constraint ck_sighting_tlp check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    constraint ck_sighting_count check (seen_count >= 1),
    constraint ck_sighting_seen check (last_seen >= first_seen)
);
create index ix_sighting_indicator on sighting (indicator_id, created_at, id);

create table sighting_recipient (
    sighting_id varchar(48) not null,
    org_id      varchar(64) not null,
    constraint pk_sighting_recipient primary key (sighting_id, org_id),
    constraint fk_sighting_recipient_sighting foreign key (sighting_id) references sighting (id),
    constraint fk_sighting_recipient_org foreign key (org_id) references organization (id)
);

create table sighting_group (
    sighting_id varchar(48) not null,
    group_id    varchar(42) not null,
    constraint pk_sighting_group primary key (sighting_id, group_id),
    constraint fk_sighting_group_sighting foreign key (sighting_id) references sighting (id),
    constraint fk_sighting_group_group foreign key (group_id) references sharing_group (id)
);

-- Inbox events and webhook deliveries now name a case, an indicator, or an indicator and a sighting.
alter table case_event alter column case_id drop not null;
alter table case_event alter column status drop not null;
alter table case_event add column indicator_id varchar(48);
alter table case_event add column sighting_id varchar(48);
alter table case_event add constraint ck_case_event_subject check (case_id is not null or indicator_id is not null);
alter table webhook_delivery alter column case_id drop not null;
