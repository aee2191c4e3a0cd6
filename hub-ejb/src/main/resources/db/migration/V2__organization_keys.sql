-- Public keys of organisations (RFC 7517 JWK). Never deleted: old signatures must stay verifiable.
create table organization_key (
    organization_id varchar(64)              not null,
    kid             varchar(128)             not null,
    key_use         varchar(3)               not null,
    status          varchar(16)              not null,
    key_type        varchar(8)               not null,
    algorithm       varchar(32)              not null,
    jwk             varchar(16000)           not null,
    thumbprint      varchar(64)              not null,
    created_at      timestamp with time zone not null,
    retired_at      timestamp with time zone,
    revoked_at      timestamp with time zone,
    version         bigint                   not null,
    constraint pk_organization_key primary key (organization_id, kid),
    constraint fk_organization_key_organization foreign key (organization_id) references organization (id),
    constraint ck_organization_key_use check (key_use in ('SIG', 'ENC')),
    constraint ck_organization_key_status check (status in ('ACTIVE', 'RETIRED', 'REVOKED')),
    constraint ck_organization_key_type check (key_type in ('EC', 'RSA')),
    -- One key material, one registration: a key cannot be registered twice, nor by two organisations.
    constraint uq_organization_key_thumbprint unique (thumbprint)
);
