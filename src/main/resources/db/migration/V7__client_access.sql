-- Client access: the wipe confirmation a device receives with its wipe instruction, and the
-- PIN attempt counters of e-mail addresses that belong to nobody. Same portable style as V1.

-- SHA-256 of the one-time code handed to a device together with its wipe instruction; the
-- device proves with it that it is the one confirming the wipe. Only set while a wipe is pending.
alter table device add column wipe_code_hash varchar(64);
alter table device add constraint device_wipe_code_uq unique (wipe_code_hash);
alter table device add constraint device_wipe_code_ck check (wipe_code_hash is null or wipe_state = 'REQUESTED');

-- Login attempts for an e-mail address no user has are counted like a real user's, so the
-- waits and refusals a client sees never tell whether an address exists. Keyed by the SHA-256
-- of the normalised address; the address itself is not stored.
create table unknown_login (
    email_hash              varchar(64)   not null primary key,
    failed_pin_attempts     integer       default 0 not null,
    last_failed_pin_at      timestamp with time zone,
    next_pin_attempt_at     timestamp with time zone,
    hard_limit_reached      boolean       default false not null,
    constraint unknown_login_failed_ck check (failed_pin_attempts >= 0)
);

create index unknown_login_last_failed_ix on unknown_login (last_failed_pin_at);
