import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, problemsOf } from './test-support.ts';

const IP = 'aws:SourceIp';

describe('IP address operators', () => {
  it('matches IPv4 CIDR ranges and single addresses', () => {
    expect(check({ IpAddress: { [IP]: '203.0.113.0/24' } }, { [IP]: '203.0.113.77' })).toBe('true');
    expect(check({ IpAddress: { [IP]: '203.0.113.0/24' } }, { [IP]: '203.0.114.1' })).toBe('false');
    expect(check({ IpAddress: { [IP]: '203.0.113.5' } }, { [IP]: '203.0.113.5' })).toBe('true');
    expect(check({ IpAddress: { [IP]: '0.0.0.0/0' } }, { [IP]: '8.8.8.8' })).toBe('true');
    expect(check({ NotIpAddress: { [IP]: ['10.0.0.0/8', '192.168.0.0/16'] } }, { [IP]: '192.168.3.4' })).toBe(
      'false',
    );
    expect(check({ NotIpAddress: { [IP]: ['10.0.0.0/8', '192.168.0.0/16'] } }, { [IP]: '8.8.8.8' })).toBe(
      'true',
    );
  });

  it('matches IPv6 ranges, with :: compression', () => {
    expect(check({ IpAddress: { [IP]: '2001:db8::/32' } }, { [IP]: '2001:0db8:85a3::8a2e:0370:7334' })).toBe(
      'true',
    );
    expect(check({ IpAddress: { [IP]: '2001:db8::/32' } }, { [IP]: '2001:db9::1' })).toBe('false');
    expect(check({ IpAddress: { [IP]: '::1' } }, { [IP]: '0:0:0:0:0:0:0:1' })).toBe('true');
    expect(check({ IpAddress: { [IP]: '2001:db8::/32' } }, { [IP]: '203.0.113.1' })).toBe('false');
  });

  it('compares IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(check({ IpAddress: { [IP]: '203.0.113.0/24' } }, { [IP]: '::ffff:203.0.113.9' })).toBe('true');
  });

  it('rejects malformed ranges', () => {
    expect(problemsOf({ IpAddress: { [IP]: '203.0.113.0/33' } })).toHaveLength(1);
    expect(problemsOf({ IpAddress: { [IP]: '300.1.1.1' } })).toHaveLength(1);
    expect(problemsOf({ IpAddress: { [IP]: '1::2::3' } })).toHaveLength(1);
  });

  it('an address is in a range exactly when its first prefix bits agree', () => {
    const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(octets, octets, fc.integer({ min: 0, max: 32 }), (net, addr, prefix) => {
        const toInt = (o: number[]) => o.reduce((a, b) => a * 256 + b, 0);
        const inRange =
          prefix === 0 ||
          Math.floor(toInt(net) / 2 ** (32 - prefix)) === Math.floor(toInt(addr) / 2 ** (32 - prefix));
        return (
          (check({ IpAddress: { [IP]: `${net.join('.')}/${prefix}` } }, { [IP]: addr.join('.') }) ===
            'true') ===
          inRange
        );
      }),
    );
  });
});
