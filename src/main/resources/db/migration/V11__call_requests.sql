-- Masked calls: one row per call a user asked for, as metadata only. The numbers dialled are
-- never stored; presented_number is the caller organization's voice number (public), and
-- callee_line says which kind of number the callee was called on. Same portable style as V1.

create sequence call_request_seq start with 1000 increment by 50;

create table call_request (
    id                          bigint        not null primary key,
    organization_id             bigint        not null,
    caller_id                   bigint,
    callee_id                   bigint,
    callee_organization_id      bigint        not null,
    requested_at                timestamp with time zone not null,
    presented_number            varchar(10),
    callee_line                 varchar(8),
    outcome                     varchar(24)   not null,
    provider_call_id            varchar(64),
    failure_reason              varchar(64),
    settled_at                  timestamp with time zone,
    constraint call_request_organization_fk foreign key (organization_id) references organization (id),
    constraint call_request_caller_fk foreign key (caller_id) references app_user (id) on delete set null,
    constraint call_request_callee_fk foreign key (callee_id) references app_user (id) on delete set null,
    constraint call_request_callee_organization_fk foreign key (callee_organization_id) references organization (id),
    constraint call_request_outcome_ck check (outcome in ('REQUESTED', 'PLACED', 'REFUSED_BY_SERVICE',
        'SERVICE_UNAVAILABLE', 'NO_CELL_NUMBER', 'NO_CALLEE_NUMBER', 'NO_VOICE_NUMBER')),
    constraint call_request_line_ck check (callee_line in ('CELL', 'BADGE', 'DESK')),
    constraint call_request_settled_ck check ((outcome = 'REQUESTED' and settled_at is null)
        or (outcome <> 'REQUESTED' and settled_at is not null)),
    constraint call_request_placed_ck check (outcome not in ('REQUESTED', 'PLACED')
        or (presented_number is not null and callee_line is not null))
);

create index call_request_organization_ix on call_request (organization_id, requested_at);
create index call_request_caller_ix on call_request (caller_id, requested_at);
create index call_request_callee_ix on call_request (callee_id);
