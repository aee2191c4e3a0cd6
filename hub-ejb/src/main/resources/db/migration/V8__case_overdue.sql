-- When a case's deadline was found passed (once per deadline): the deadline watch marks it in the
-- same transaction as its audit entry and inbox events, with a conditional update, so with several
-- nodes exactly one of them does.
alter table takedown_case add column overdue_at timestamp with time zone;
create index ix_takedown_case_deadline on takedown_case (deadline);
