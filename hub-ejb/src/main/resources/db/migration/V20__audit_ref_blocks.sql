-- Audit entry references are drawn in blocks of 64 (issue 14, RefBlocks): one nextval reserves
-- 64 references for the node that drew it, so most appends need no round trip for their
-- reference. Values already drawn stay unique: the next one is the last plus 64.
-- Written in the SQL subset H2 2.x and PostgreSQL 15 share.
alter sequence audit_ref_seq increment by 64;
