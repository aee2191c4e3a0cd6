-- The audit log (RFC 9162 Merkle tree). One head row, locked by every append, so all nodes of a
-- cluster append to one linear log; entries keep their exact leaf bytes (RFC 8785 canonical JSON);
-- audit_node keeps the hash of every complete subtree, so proofs need O(log n) reads.
create table audit_head (
    id   smallint not null,
    size bigint   not null,
    constraint pk_audit_head primary key (id),
    constraint ck_audit_head_single check (id = 1)
);
insert into audit_head (id, size) values (1, 0);

create table audit_entry (
    idx         bigint                   not null,
    recorded_at timestamp with time zone not null,
    action      varchar(64)              not null,
    leaf        varchar                  not null,
    leaf_hash   varchar(44)              not null,
    constraint pk_audit_entry primary key (idx)
);

create table audit_node (
    level      integer     not null,
    node_index bigint      not null,
    hash       varchar(44) not null,
    constraint pk_audit_node primary key (level, node_index)
);

create table audit_checkpoint (
    size       bigint                   not null,
    note       varchar                  not null,
    created_at timestamp with time zone not null,
    constraint pk_audit_checkpoint primary key (size)
);

-- Refusals are audit entries from now on.
drop table refused_request;
