-- The case exchange: cases between one authority and one platform, their items with the
-- platform's responses, the thread of messages and lifecycle steps, and the inbox events.
-- Written in the SQL subset H2 2.x and PostgreSQL 15 share.
create table takedown_case (
    id                       varchar(41)              not null,
    client_ref               varchar(128)             not null,
    request_sha256           varchar(44)              not null,
    kind                     varchar(32)              not null,
    status                   varchar(32)              not null,
    authority_org            varchar(64)              not null,
    addressee_org            varchar(64)              not null,
    reference                varchar(128)             not null,
    title                    varchar(300)             not null,
    issued_at                timestamp with time zone,
    official_name            varchar(200),
    official_role            varchar(200),
    contact                  varchar(320),
    legal_basis              varchar(2000),
    statement_of_reasons     varchar(20000),
    category                 varchar(64),
    territorial_scope        varchar(300),
    redress                  varchar(4000),
    language                 varchar(2),
    provider_may_be_informed boolean,
    priority                 varchar(16)              not null,
    tlp                      varchar(16)              not null,
    election                 varchar(64),
    deadline                 timestamp with time zone,
    deadline_seconds         bigint,
    clock_stopped_at         timestamp with time zone,
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    version                  bigint                   not null,
    constraint pk_takedown_case primary key (id),
    constraint uq_takedown_case_client_ref unique (authority_org, client_ref),
    constraint fk_takedown_case_authority foreign key (authority_org) references organization (id),
    constraint fk_takedown_case_addressee foreign key (addressee_org) references organization (id),
    constraint ck_takedown_case_kind check (kind in ('REMOVAL_ORDER', 'REFERRAL', 'INFORMATION_REQUEST', 'ALERT')),
    constraint ck_takedown_case_status check (status in ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS',
        'NEEDS_INFORMATION', 'RESOLVED', 'CLOSED', 'WITHDRAWN', 'REOPENED'))
);
create index ix_takedown_case_authority on takedown_case (authority_org, created_at, id);
create index ix_takedown_case_addressee on takedown_case (addressee_org, created_at, id);

create table case_item (
    case_id           varchar(41)              not null,
    item_no           integer                  not null,
    type              varchar(32)              not null,
    item_value        varchar(2048)            not null,
    normalized        varchar(2100)            not null,
    normalized_sha256 varchar(44)              not null,
    description       varchar(2000),
    outcome           varchar(32),
    action_taken_at   timestamp with time zone,
    tco_reason        varchar(32),
    statement         varchar(8000),
    responded_at      timestamp with time zone,
    constraint pk_case_item primary key (case_id, item_no),
    constraint fk_case_item_case foreign key (case_id) references takedown_case (id)
);
create index ix_case_item_normalized on case_item (normalized_sha256);

create table case_message (
    case_id          varchar(41)              not null,
    msg_no           integer                  not null,
    author_org       varchar(64)              not null,
    author_principal varchar(256),
    text             varchar(10000),
    item_no          integer,
    action           varchar(32),
    from_status      varchar(32),
    to_status        varchar(32),
    created_at       timestamp with time zone not null,
    constraint pk_case_message primary key (case_id, msg_no),
    constraint fk_case_message_case foreign key (case_id) references takedown_case (id)
);

-- One row per recipient of an event. The cursor is the index of the audit entry the change
-- wrote: appends are serialised by the audit head's row lock, held to commit, so cursors are
-- committed in increasing order and a reader never skips an event that commits later.
create table case_event (
    audit_index   bigint                   not null,
    recipient_org varchar(64)              not null,
    case_id       varchar(41)              not null,
    type          varchar(32)              not null,
    status        varchar(32)              not null,
    actor_org     varchar(64)              not null,
    created_at    timestamp with time zone not null,
    constraint pk_case_event primary key (recipient_org, audit_index),
    constraint fk_case_event_case foreign key (case_id) references takedown_case (id)
);
