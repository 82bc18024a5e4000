/**
 * What could not be read, gathered into a few lines for the manifest's
 * `notes`: one line per service, Region, action and error code, with how many
 * resources it hit and the first few of them, so a role that lacks one
 * permission on 500 buckets gives one line, not 500.
 */
import { describeAwsError, errorCode, isAccessDenied } from '../aws-errors.ts';

interface Gathered {
  service: string;
  region: string;
  action: string;
  error: string;
  denied: boolean;
  resources: string[];
}

const SHOWN = 3;

export class ResourceWarnings {
  private readonly byKey = new Map<string, Gathered>();

  /** A failed call; `resource` absent when the whole service's listing failed. */
  record(service: string, region: string, action: string, error: unknown, resource?: string): void {
    const key = [service, region, action, errorCode(error), resource === undefined].join('|');
    const seen = this.byKey.get(key);
    if (seen) {
      if (resource !== undefined) seen.resources.push(resource);
      return;
    }
    this.byKey.set(key, {
      service,
      region,
      action,
      error: describeAwsError(error),
      denied: isAccessDenied(error),
      resources: resource === undefined ? [] : [resource],
    });
  }

  notes(): string[] {
    return [...this.byKey.values()].map((g) => {
      const fix = g.denied ? ` Allow ${g.action} to the role to read it (docs/collect.md).` : '';
      if (g.resources.length === 0)
        return `Resources: ${g.service} in ${g.region} not read (${g.action}): ${g.error}.${fix}`;
      const sorted = [...g.resources].sort();
      const first = sorted.slice(0, SHOWN).join(', ');
      const more = g.resources.length > SHOWN ? `, and ${g.resources.length - SHOWN} more` : '';
      return (
        `Resources: ${g.action} failed in ${g.region} for ${g.resources.length} resource(s) (${first}${more}), ` +
        `written without what it reads: ${g.error}.${fix}`
      );
    });
  }
}
