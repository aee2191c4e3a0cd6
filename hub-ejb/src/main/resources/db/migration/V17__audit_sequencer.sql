-- The batched audit log (ADR 0011, docs/audit-log.md "Appending"). A business transaction no
-- longer takes the log's head lock: it writes its entry to audit_pending, under a reference drawn
-- from audit_ref_seq, and commits. One sequencer at a time (the head row's lock, so also across
-- nodes) takes the committed pending entries in reference order, gives them the next indexes,
-- stores their leaves and subtree hashes, signs one checkpoint for the batch, deletes them from
-- audit_pending and commits. An entry therefore exists iff its business change committed.
--
-- References name an entry before it has an index. The entries written before this migration keep
-- their index as their reference; new references start at 2^32, above any index a log held when it
-- was migrated (the migration fails if one did), so the two never meet.
create sequence audit_ref_seq start with 4294967296;

create table audit_pending (
    ref             bigint                   not null,
    recorded_at     timestamp with time zone not null,
    action          varchar(64)              not null,
    channel         varchar(16)              not null,
    actor_org       varchar(64),
    actor_principal varchar(256),
    jti             varchar(128),
    body_sha256     varchar(64),
    evidence        varchar,
    received_at     timestamp with time zone,
    target_type     varchar(32),
    target_id       varchar(256),
    details         varchar,
    constraint pk_audit_pending primary key (ref)
);

-- Fails (not null) if a log already holds an index of 2^32 or more.
insert into audit_pending (ref, recorded_at, action, channel)
    select null, current_timestamp, 'migration.refused', 'SYSTEM' from audit_entry where idx >= 4294967296;

alter table audit_entry add column ref bigint;
update audit_entry set ref = idx;
alter table audit_entry alter column ref set not null;
create unique index uq_audit_entry_ref on audit_entry (ref);

-- The inbox's and the outbox's evidence link now names the entry by reference (ADR 0007).
alter table case_event rename column audit_index to audit_ref;
alter table webhook_delivery rename column audit_index to audit_ref;
