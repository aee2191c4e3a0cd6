-- Inbox cursors per recipient organisation. Until now an event's cursor was the index of the audit
-- entry its change wrote, a global number: the gaps between an organisation's cursors told it how
-- much every other tenant did. Now each organisation's events are numbered 1, 2, 3… in its own
-- stream (seq), from a counter row per organisation (inbox_sequence) that the writing transaction
-- locks and advances, so the numbers commit in increasing order with no gaps. audit_index stays:
-- the event still names its audit entry (and, with the recipient, is how a webhook delivery finds
-- its event); it is never shown as a cursor.
-- Written in the SQL subset H2 2.x and PostgreSQL 15 share.
alter table case_event add column seq bigint;

-- Back-fill: the existing events of each recipient, numbered in the order they were written.
create table inbox_backfill (
    recipient_org varchar(64) not null,
    audit_index   bigint      not null,
    seq           bigint      not null,
    constraint pk_inbox_backfill primary key (recipient_org, audit_index)
);
insert into inbox_backfill (recipient_org, audit_index, seq)
    select recipient_org, audit_index, row_number() over (partition by recipient_org order by audit_index)
    from case_event;
update case_event set seq = (select b.seq from inbox_backfill b
    where b.recipient_org = case_event.recipient_org and b.audit_index = case_event.audit_index);
drop table inbox_backfill;

alter table case_event alter column seq set not null;
alter table case_event add constraint uq_case_event_seq unique (recipient_org, seq);
alter table case_event add constraint ck_case_event_seq check (seq >= 1);

-- One counter per organisation: the seq of its newest event (0: none yet). Every organisation gets
-- its row here; one registered later gets it with its first event.
create table inbox_sequence (
    organization_id varchar(64) not null,
    last_seq        bigint      not null,
    constraint pk_inbox_sequence primary key (organization_id),
    constraint fk_inbox_sequence_org foreign key (organization_id) references organization (id),
    constraint ck_inbox_sequence_last check (last_seq >= 0)
);
insert into inbox_sequence (organization_id, last_seq)
    select o.id, coalesce(max(e.seq), 0) from organization o left join case_event e on e.recipient_org = o.id
    group by o.id;
