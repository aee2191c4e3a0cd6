-- Which organisation an entry is about as actor, so a party can be shown its own entries.
alter table audit_entry add column actor_org varchar(64);
create index ix_audit_entry_actor_org on audit_entry (actor_org, idx);
