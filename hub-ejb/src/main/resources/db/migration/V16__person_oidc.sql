-- People signed in through an OpenID Connect provider (docs/ui.md, "OIDC"): the provider's issuer
-- and subject identify a federated account, which has no usable password (its hash is of a
-- random secret nobody holds) and signs in only through that provider. Local accounts keep both null.
alter table person add column oidc_issuer varchar(300);
alter table person add column oidc_subject varchar(300);
create unique index ux_person_oidc on person (oidc_issuer, oidc_subject);
