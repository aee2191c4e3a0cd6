-- Inbox events are numbered by the audit log's sequencer (issue 14): the business transaction
-- writes its events with seq null, and the batch that integrates the change's audit entry gives
-- each recipient's events their numbers, under the log head's lock. An event without a number is
-- not yet visible to readers (inbox, webhook deliveries). The batch finds a change's events by
-- its audit entry's reference.
-- Written in the SQL subset H2 2.x and PostgreSQL 15 share.
alter table case_event alter column seq drop not null;
create index ix_case_event_audit_ref on case_event (audit_ref);
