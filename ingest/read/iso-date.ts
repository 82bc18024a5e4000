/**
 * Dates in the exports. The AWS CLI writes ISO 8601 as
 * `2024-01-02T03:04:05Z` or `2024-01-02T03:04:05+00:00`, and those are kept as
 * written. Other tools write other ISO 8601 forms (a space for the `T`, the
 * basic form `20240102T030405Z`, no seconds, a comma before the fraction):
 * those are read and written back in the CLI's UTC form, so every date of a
 * snapshot compares the same way. A date without a zone is taken as UTC,
 * which is what IAM returns (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html
 * gives CreateDate in ISO 8601 date-time format).
 */

const CLI_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?)?(Z|[+-]\d{2}(?:\d{2})?)?$/i;

/** The date in the CLI's form, or undefined when `text` is no ISO 8601 date. */
export function normalizeIsoDate(text: string): string | undefined {
  if (CLI_FORM.test(text) && !Number.isNaN(Date.parse(text))) return text;
  const m = EXTENDED.exec(text) ?? BASIC.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 24 || minute > 59 || second > 60) return undefined;
  const ms = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  let time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    time -= sign * offset * 60_000;
  }
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
