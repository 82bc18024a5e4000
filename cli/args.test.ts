import { describe, expect, it } from 'vitest';
import { pathsArgs, whoCanAssumeArgs } from '../query/index.ts';
import { intText, parseAssumptions, parseContext, queryArgs } from './args.ts';
import { CliError, EXIT } from './output.ts';

const usage = (fn: () => unknown): CliError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.usage);
    return err as CliError;
  }
  throw new Error('expected a usage error');
};

describe('query arguments from options', () => {
  it("checks them with the query's own schema and names the option at fault", () => {
    const role = 'arn:aws:iam::111111111111:role/r';
    expect(queryArgs(whoCanAssumeArgs, { role, maxHops: intText('2') })).toEqual({ role, maxHops: 2 });
    expect(usage(() => queryArgs(whoCanAssumeArgs, { role, maxHops: intText('9') })).message).toBe(
      '--max-hops must be at most 8',
    );
    expect(usage(() => queryArgs(whoCanAssumeArgs, { role, maxHops: intText('0') })).message).toBe(
      '--max-hops must be at least 1',
    );
    expect(usage(() => queryArgs(whoCanAssumeArgs, { role, maxHops: intText('x') })).message).toMatch(
      /^--max-hops: /,
    );
    expect(usage(() => queryArgs(pathsArgs, { from: role, to: role, limit: intText('65') })).message).toBe(
      '--limit must be at most 64',
    );
  });

  it('leaves an option out when it is not given', () => {
    expect(intText(undefined)).toBeUndefined();
  });
});

describe('--context', () => {
  it('reads booleans, keeps other values as text, and lists a repeated key', () => {
    expect(
      parseContext([
        'aws:MultiFactorAuthPresent=true',
        'aws:SourceIp=10.0.0.1',
        'aws:SourceIp=10.0.0.2',
        'k=a=b',
      ]),
    ).toEqual({
      'aws:MultiFactorAuthPresent': true,
      'aws:SourceIp': ['10.0.0.1', '10.0.0.2'],
      k: 'a=b',
    });
  });

  it('refuses a pair without a key, with an example', () => {
    expect(usage(() => parseContext(['=x'])).message).toMatch(/is not KEY=VALUE\. Example: --context/);
  });
});

describe('--without', () => {
  it('sets the named assumptions (any case, comma lists) and all of them with all', () => {
    expect(parseAssumptions(['MFA,network'])).toEqual({ mfa: false, network: false });
    expect(Object.values(parseAssumptions(['all'])!).every((v) => v === false)).toBe(true);
    expect(parseAssumptions([])).toBeUndefined();
  });

  it('names the assumptions there are when one is unknown', () => {
    expect(usage(() => parseAssumptions(['vpn'])).message).toMatch(
      /--without "vpn" is not an assumption\. Use one of mfa,/,
    );
  });
});
