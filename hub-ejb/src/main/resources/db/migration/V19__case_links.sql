-- Linked cases (issue 14): each case's distinct normalised items with the case's two parties and
-- creation time, so the newest 100 other cases of a party about one item are an index range scan
-- of at most 101 rows per item, however many cases name it (before, a join over case_item and
-- takedown_case grouped every matching case: with 20,000 cases about one item, the largest part of
-- each case creation's time). A case's items never change after creation; the repository writes
-- these rows in the creating transaction.
-- Written in the SQL subset H2 2.x and PostgreSQL 15 share.
create table case_link (
    normalized_sha256 varchar(44)              not null,
    case_id           varchar(41)              not null,
    authority_org     varchar(64)              not null,
    addressee_org     varchar(64)              not null,
    created_at        timestamp with time zone not null,
    constraint pk_case_link primary key (normalized_sha256, case_id),
    constraint fk_case_link_case foreign key (case_id) references takedown_case (id)
);
create index ix_case_link_addressee on case_link (normalized_sha256, addressee_org, created_at, case_id);
create index ix_case_link_authority on case_link (normalized_sha256, authority_org, created_at, case_id);
create index ix_case_link_case on case_link (case_id);

insert into case_link (normalized_sha256, case_id, authority_org, addressee_org, created_at)
    select distinct i.normalized_sha256, k.id, k.authority_org, k.addressee_org, k.created_at
    from case_item i join takedown_case k on k.id = i.case_id;
