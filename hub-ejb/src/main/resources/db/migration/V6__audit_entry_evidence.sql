-- What an entry is about and which request caused it, so an answer can carry the receipt of the
-- request's entry and an auditor can ask for the evidence bundle of one target. The sender's
-- signed message (compact JWS) is kept beside the leaf, which commits to it by SHA-256
-- (evidence_sha256), so leaves stay small and the tree never holds message content twice.
alter table audit_entry add column jti varchar(128);
alter table audit_entry add column target_type varchar(32);
alter table audit_entry add column target_id varchar(256);
alter table audit_entry add column evidence varchar;
create index ix_audit_entry_request on audit_entry (actor_org, jti);
create index ix_audit_entry_target on audit_entry (target_type, target_id, idx);
