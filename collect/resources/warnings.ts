/**
 * What could not be read, gathered into a few lines for the manifest's
 * `notes`: one line per service, Region, action and error code, with how many
 * resources it hit and the first few of them, so a role that lacks one
 * permission on 500 buckets gives one line, not 500; and a Region the account
 * has not enabled gives one line, not one per service.
 */
import { describeAwsError, errorCode, isAccessDenied, isRegionDisabled } from '../aws-errors.ts';

interface Gathered {
  service: string;
  region: string;
  action: string;
  error: string;
  denied: boolean;
  regionDisabled: boolean;
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
      regionDisabled: isRegionDisabled(error),
      resources: resource === undefined ? [] : [resource],
    });
  }

  notes(): string[] {
    const all = [...this.byKey.values()];
    // The listings a Region refused as not enabled for the account: one line per Region.
    const closed = (g: Gathered) => g.resources.length === 0 && g.regionDisabled;
    const said = new Set<string>();
    return all.flatMap((g) => {
      if (closed(g)) {
        if (said.has(g.region)) return [];
        said.add(g.region);
        const services = all.filter((o) => o.region === g.region && closed(o)).map((o) => o.service);
        return [
          `Resources: ${services.join(', ')} in ${g.region} not read: ${g.error}. The account has not enabled ` +
            'this Region (an opt-in Region): enable it for the account, or leave it out of --resource-regions.',
        ];
      }
      const fix = g.denied ? ` Allow ${g.action} to the role to read it (docs/collect.md).` : '';
      if (g.resources.length === 0)
        return [`Resources: ${g.service} in ${g.region} not read (${g.action}): ${g.error}.${fix}`];
      const sorted = [...g.resources].sort();
      const first = sorted.slice(0, SHOWN).join(', ');
      const more = g.resources.length > SHOWN ? `, and ${g.resources.length - SHOWN} more` : '';
      return [
        `Resources: ${g.action} failed in ${g.region} for ${g.resources.length} resource(s) (${first}${more}), ` +
          `written without what it reads: ${g.error}.${fix}`,
      ];
    });
  }
}
