-- An item response's statement of reasons is stored as JSON text, and JSON escaping can make it up
-- to six times as long as its content (a control character becomes \u0000-style, a quote \"): the
-- 8000 characters of V7 did not hold a 5000-character `facts` of quotes, and the insert failed
-- with a 500. 40000 holds the longest statement the request rules allow (about 31000 characters
-- encoded). Widening a varchar rewrites nothing on PostgreSQL; H2 2.2 and PostgreSQL 15 share
-- this syntax.
alter table case_item alter column statement set data type varchar(40000);
