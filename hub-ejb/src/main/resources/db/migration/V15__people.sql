-- People: the persons of the web UI (docs/ui.md). Written in the SQL subset H2 2.x and
-- PostgreSQL 15 share.

-- A person's account. password_hash is an Argon2id PHC string; totp_secret the RFC 6238 secret
-- sealed at rest (AES-256-GCM under the hub's at-rest key: "<alias>:<base64>"), null until enrolled; totp_last_step the last 30 s step accepted, never accepted
-- again. session_epoch moves on at "sign out everywhere", a password change and disabling: a
-- session opened under an older epoch is over. roles: comma-separated Role names, sorted.
create table person (
    username         varchar(64)              not null,
    org_id           varchar(64)              not null,
    display_name     varchar(200)             not null,
    roles            varchar(200)             not null,
    password_hash    varchar(300)             not null,
    password_expired boolean                  not null,
    totp_secret      varchar(200),
    totp_last_step   bigint,
    locale           varchar(8)               not null,
    time_zone        varchar(64)              not null,
    status           varchar(16)              not null,
    session_epoch    integer                  not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(200)             not null,
    constraint pk_person primary key (username),
    constraint fk_person_org foreign key (org_id) references organization (id),
    constraint ck_person_status check (status in ('ACTIVE', 'DISABLED')),
    constraint ck_person_locale check (locale in ('fi', 'sv', 'en'))
);
create index ix_person_org on person (org_id, username);

-- Failed sign-ins in the current window, per account ('user:<name>', whether or not it exists)
-- and per address ('addr:<ip>'). Shared by every node.
create table sign_in_throttle (
    throttle_key varchar(120)             not null,
    failures     integer                  not null,
    window_start timestamp with time zone not null,
    constraint pk_sign_in_throttle primary key (throttle_key)
);
