/**
 * IpAddress / NotIpAddress with IPv4 and IPv6 CIDR ranges. A policy value
 * without a prefix length is a single address. IPv4-mapped IPv6 addresses
 * (::ffff:a.b.c.d) compare as the IPv4 address they carry.
 */
import { joinText, type TextPart } from '../policy/variables.ts';
import type { OperatorDef, ValueTest } from './operator.ts';

interface Address {
  v6: boolean;
  value: bigint;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseGroups(text: string): bigint[] | undefined {
  if (text === '') return [];
  const groups: bigint[] = [];
  const pieces = text.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === undefined) return undefined;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(BigInt(parseInt(piece, 16)));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] as string);
  const tail = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...new Array<bigint>(missing).fill(0n), ...tail])
    value = (value << 16n) | group;
  return value;
}

export function parseAddress(text: string): Address | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { v6: false, value: v4 };
  const v6 = trimmed.includes(':') ? parseIpv6(trimmed) : undefined;
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { v6: false, value: v6 & 0xffffffffn };
  return { v6: true, value: v6 };
}

interface Range {
  v6: boolean;
  network: bigint;
  shift: bigint;
}

export function parseCidr(text: string): Range | undefined {
  const slash = text.indexOf('/');
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const width = address.v6 ? 128 : 32;
  const mapped = !address.v6 && text.includes(':');
  let prefix = width;
  if (slash >= 0) {
    const lengthText = text.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(lengthText)) return undefined;
    prefix = Number(lengthText) - (mapped ? 96 : 0);
    if (prefix < 0 || prefix > width) return undefined;
  }
  const shift = BigInt(width - prefix);
  return { v6: address.v6, network: address.value >> shift, shift };
}

function ipAddress(value: readonly TextPart[]): ValueTest | string {
  const range = parseCidr(joinText(value));
  if (!range) return `"${joinText(value)}" is not an IPv4 or IPv6 address or CIDR range`;
  return (actual) => {
    const address = parseAddress(actual);
    return address !== undefined && address.v6 === range.v6 && address.value >> range.shift === range.network;
  };
}

export const ipOperators: readonly OperatorDef[] = [
  { name: 'IpAddress', negated: false, variables: false, compile: ipAddress },
  { name: 'NotIpAddress', negated: true, variables: false, compile: ipAddress },
];
