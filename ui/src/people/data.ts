/** What the people views ask the API, each answer kept per snapshot while the page is open. */
import { gql } from '../api.ts';
import { once } from '../answers.ts';
import type {
  PeopleGroupViewQuery,
  PeopleGroupViewQueryVariables,
  PeopleSearchQuery,
  PeopleSearchQueryVariables,
  PeopleWhoCanReachRoleQuery,
  PeopleWhoCanReachRoleQueryVariables,
  PermissionSetViewQuery,
  PermissionSetViewQueryVariables,
  PersonReachViewQuery,
  PersonReachViewQueryVariables,
  PersonViewQuery,
  PersonViewQueryVariables,
} from '../generated/operations.ts';
import { state } from '../url-state.ts';
import * as Q from './queries.ts';

export type PersonView = NonNullable<PersonViewQuery['person']>;
export type PersonReach = PersonReachViewQuery['personReach'];
export type PermissionSetView = NonNullable<PermissionSetViewQuery['permissionSet']>;
export type GroupView = PeopleGroupViewQuery;
export type PeopleReaching = PeopleWhoCanReachRoleQuery['peopleWhoCanReach'];

export const loadPerson = (id: string): Promise<PersonViewQuery> =>
  once<PersonViewQuery, Omit<PersonViewQueryVariables, 'snap'>>(Q.PERSON_VIEW, { id });

export const loadPersonReach = (id: string, hops: number): Promise<PersonReachViewQuery> =>
  once<PersonReachViewQuery, Omit<PersonReachViewQueryVariables, 'snap'>>(Q.PERSON_REACH, { id, hops });

export const loadPermissionSet = (id: string): Promise<PermissionSetViewQuery> =>
  once<PermissionSetViewQuery, Omit<PermissionSetViewQueryVariables, 'snap'>>(Q.PERMISSION_SET_VIEW, {
    id,
  });

/** A group by graph key, or by name when drawn from who-can-reach's byGroup (people-group/by-name/NAME). */
export const loadGroup = (key: string): Promise<PeopleGroupViewQuery> =>
  once<PeopleGroupViewQuery, Omit<PeopleGroupViewQueryVariables, 'snap'>>(Q.GROUP_VIEW, {
    id: key.replace(/^people-group\/by-name\//, ''),
  });

export const loadPeopleReaching = (role: string, hops: number): Promise<PeopleWhoCanReachRoleQuery> =>
  once<PeopleWhoCanReachRoleQuery, Omit<PeopleWhoCanReachRoleQueryVariables, 'snap'>>(
    Q.PEOPLE_WHO_CAN_REACH,
    { role, hops },
  );

export const searchPeople = (q: string): Promise<PeopleSearchQuery> =>
  gql<PeopleSearchQuery>(Q.PEOPLE_SEARCH, {
    q,
    snap: state().snap ?? null,
  } satisfies PeopleSearchQueryVariables);
