-- The mail outbox: every mail is written here in the transaction of the change that causes
-- it and sent afterwards by the outbox sender, with retries.

create sequence outbound_mail_seq start with 1000 increment by 50;

create table outbound_mail (
    id                  bigint         not null primary key,
    recipient           varchar(254)   not null,
    subject             varchar(300)   not null,
    text_body           varchar(20000) not null,
    html_body           varchar(40000),
    state               varchar(16)    not null,
    attempts            integer        default 0 not null,
    next_attempt_at     timestamp with time zone not null,
    last_error          varchar(1000),
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    version             bigint         default 0 not null,
    constraint outbound_mail_state_ck check (state in ('QUEUED', 'SENT', 'FAILED')),
    constraint outbound_mail_attempts_ck check (attempts >= 0)
);

create index outbound_mail_due_ix on outbound_mail (state, next_attempt_at);

insert into cluster_lock (name) values ('mail-outbox');
