-- Evidence attachments of a case, addressed by the SHA-256 of their content and stored encrypted
-- at rest: AES-256-GCM under the keystore's attachment key named by key_alias, with the case id
-- and digest as associated data, so a ciphertext cannot be moved to another case or digest.
create table case_attachment (
    case_id     varchar(41)              not null,
    sha256      varchar(64)              not null,
    item_no     integer,
    filename    varchar(255)             not null,
    media_type  varchar(100)             not null,
    size_bytes  integer                  not null,
    key_alias   varchar(64)              not null,
    ciphertext  varchar                  not null,
    uploaded_by varchar(64)              not null,
    uploaded_at timestamp with time zone not null,
    constraint pk_case_attachment primary key (case_id, sha256),
    constraint fk_case_attachment_case foreign key (case_id) references takedown_case (id)
);
