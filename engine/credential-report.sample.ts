/**
 * A credential report of one account in AWS's documented header, with the
 * root user and users in the states the findings tell apart. For tests.
 */
export const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

export const ROWS = [
  '<root_account>,arn:aws:iam::111122223333:root,2019-01-10T10:00:00+00:00,not_supported,2026-11-01T08:00:00+00:00,not_supported,not_supported,false,true,2020-02-01T00:00:00+00:00,2026-10-30T12:00:00+00:00,us-east-1,ecr,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'alice,arn:aws:iam::111122223333:user/alice,2020-03-01T09:00:00+00:00,TRUE,2026-11-20T09:00:00+00:00,2026-01-01T00:00:00+00:00,N/A,FALSE,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'bob,arn:aws:iam::111122223333:user/ops/bob,2021-05-05T05:05:05+00:00,true,no_information,2021-05-05T05:05:05+00:00,N/A,true,true,2021-05-05T05:06:00+00:00,N/A,N/A,N/A,true,2024-01-01T00:00:00+00:00,2025-01-15T00:00:00+00:00,N/A,s3,false,N/A,false,N/A',
  'ci,arn:aws:iam::111122223333:user/ci,2026-11-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2026-11-01T00:00:00+00:00,2026-12-01T00:00:00+00:00,eu-west-1,sts,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
];
