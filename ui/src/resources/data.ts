/** What the resource views ask the API, each answer kept per snapshot while the page is open. */
import { once } from '../answers.ts';
import type {
  ExternalAccessListQuery,
  ExternalAccessListQueryVariables,
  ResourceViewQuery,
  ResourceViewQueryVariables,
} from '../generated/operations.ts';
import * as Q from './queries.ts';

export type ResourceView = ResourceViewQuery;
export type ResourceDetails = NonNullable<ResourceViewQuery['resource']>;
export type AccessItem = ExternalAccessListQuery['externalAccess']['nodes'][number];

export const loadResource = (arn: string, hops: number): Promise<ResourceViewQuery> =>
  once<ResourceViewQuery, Omit<ResourceViewQueryVariables, 'snap'>>(Q.RESOURCE_VIEW, { arn, hops });

/** The filters of the external access list, as the URL keeps them. */
export interface AccessFilters {
  type?: string;
  level?: string;
  publicOnly?: boolean;
}

export const loadExternalAccess = (f: AccessFilters): Promise<ExternalAccessListQuery> =>
  once<ExternalAccessListQuery, Omit<ExternalAccessListQueryVariables, 'snap'>>(Q.EXTERNAL_ACCESS, {
    type: f.type ?? null,
    level: f.level ?? null,
    publicOnly: f.publicOnly ?? false,
  });
