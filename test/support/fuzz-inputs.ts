// Malformed inputs for the API fuzz test, drawn from a seeded generator so that a failure can be replayed.
export type Random = () => number;

/** mulberry32: small, fast, deterministic. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const WEIRD_STRINGS = [
  '', ' ', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '9'.repeat(40), '-9223372036854775809', 'true', '[]', '{}',
  '../../etc/passwd', '%00', '\u0000', '\uFFFF', '😀'.repeat(50), '<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE users; --',
  '${7*7}', '#{7*7}', '=constructor', '__proto__', 'constructor', 'prototype', 'x'.repeat(5000), 'a,b,,c', '2026-13-45T99:99:99Z',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-fffffffffffg', 'P-1D', 'PT', '\r\nX-Injected: 1', '%E0%A4%A',
];

export function weirdString(random: Random): string {
  return pick(random, WEIRD_STRINGS);
}

function weirdValue(random: Random, depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 3 ? 7 : 10));
  switch (kind) {
    case 0: return null;
    case 1: return Math.floor(random() * 2 ** 53) * (random() < 0.5 ? -1 : 1);
    case 2: return random() < 0.5 ? 1e308 * 10 : -0.000001;
    case 3: return random() < 0.5;
    case 4:
    case 5:
    case 6: return weirdString(random);
    case 7: return Array.from({ length: Math.floor(random() * 5) }, () => weirdValue(random, depth + 1));
    default: return weirdObject(random, depth + 1);
  }
}

function weirdObject(random: Random, depth = 0): Record<string, unknown> {
  const keys = [...BODY_KEYS, 'eventTypes', 'roles', 'scopes', 'answers', '__proto__', 'constructor'];
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 5); i >= 0; i--) out[random() < 0.8 ? pick(random, keys) : weirdString(random)] = weirdValue(random, depth);
  return out;
}

const BODY_KEYS = ['xml', 'definitionKey', 'businessKey', 'variables', 'assignee', 'messageName', 'processInstanceId', 'reason', 'note', 'by', 'url', 'secret', 'username', 'password', 'name'];

/** Text no parameter accepts as a number: beyond PostgreSQL's int, exponent or hex forms, negative, fractional, not finite. */
export const OUT_OF_RANGE_NUMBERS = ['1e20', '99999999999', '2147483648', '-1', '1.5', '0x10', 'Infinity', '9'.repeat(40)];

/** A JSON body (raw text: JSON.stringify would keep the escapes too) with lone UTF-16 surrogates in keys and values. */
export function surrogateBody(random: Random): string {
  const lone = ['\\ud800', 'x\\udfffy', '\\udc00\\ud800'];
  const fields = BODY_KEYS.filter((key) => key !== 'variables').map((key) => `"${key}":"${pick(random, lone)}"`);
  return `{${fields.join(',')},"variables":{"${pick(random, lone)}":1,"ok":"${pick(random, lone)}"}}`;
}

/** A body over every parser's limit, of one content type each (JSON, form, text, XML, multipart). */
export function hugeBody(kind: number, bytes = 5 * 1024 * 1024): { contentType: string; body: string } {
  const filler = 'a'.repeat(bytes);
  switch (kind % 5) {
    case 0: return { contentType: 'application/json', body: `{"businessKey":"${filler}"}` };
    case 1: return { contentType: 'application/x-www-form-urlencoded', body: `businessKey=${filler}` };
    case 2: return { contentType: 'text/plain', body: filler };
    case 3: return { contentType: 'application/xml', body: `<x>${filler}</x>` };
    default: return { contentType: 'multipart/form-data; boundary=xyz', body: `--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.bpmn"\r\n\r\n${filler}\r\n--xyz--` };
  }
}

/** A request body as raw text with the content type it claims to be. */
export function weirdBody(random: Random): { contentType: string; body: string } {
  const kind = Math.floor(random() * 10);
  switch (kind) {
    case 0: return { contentType: 'application/json', body: '{"unterminated": ' };
    case 1: return { contentType: 'application/json', body: JSON.stringify(weirdValue(random)) };
    case 2: return { contentType: 'application/json', body: `${'['.repeat(5000)}${']'.repeat(5000)}` };
    case 3: return { contentType: 'text/plain', body: weirdString(random) };
    case 4: return { contentType: 'application/x-www-form-urlencoded', body: 'a[b][c][d]=1&__proto__[polluted]=1&xml=<x/>' };
    case 5: return { contentType: 'application/xml', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY y SYSTEM "file:///etc/passwd">]><x>&y;</x>' };
    case 6: return { contentType: 'application/json', body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}' };
    case 7: return { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.bpmn"\r\n\r\n<not-bpmn>\r\n--xyz--' };
    case 8: return { contentType: 'application/json', body: surrogateBody(random) };
    default: return { contentType: 'application/json', body: JSON.stringify(weirdObject(random)) };
  }
}

/** A query string with wrong types, repeated keys, nested keys and over-long values. */
export function weirdQuery(random: Random, known: string[]): string {
  const keys = [...known, 'limit', 'offset', 'status', '__proto__[x]', 'a[b]', 'since', 'roles', 'types', 'version', 'level'];
  const parts: string[] = [];
  const value = () => (random() < 0.2 ? pick(random, OUT_OF_RANGE_NUMBERS) : weirdString(random));
  for (let i = Math.floor(random() * 4); i >= 0; i--) parts.push(`${encodeURIComponent(pick(random, keys))}=${encodeURIComponent(value())}`);
  if (random() < 0.2) parts.push('limit=1&limit=2');
  return parts.join('&');
}

/** Headers that are malformed or hostile but still legal to send. */
export function weirdHeaders(random: Random): Record<string, string> {
  const headers: Record<string, string> = {};
  const safe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 4000);
  if (random() < 0.4) headers.authorization = pick(random, ['Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', `Bearer ${'x'.repeat(3000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']);
  if (random() < 0.3) headers['x-api-key'] = pick(random, ['sf_', `sf_${'A'.repeat(43)}`, safe(weirdString(random)) || 'x']);
  if (random() < 0.2) headers['last-event-id'] = safe(weirdString(random)) || '-1';
  if (random() < 0.2) headers.accept = pick(random, ['*/*', 'text/html', 'application/xml', 'text/event-stream', 'garbage/%%']);
  if (random() < 0.1) headers['x-request-id'] = 'x'.repeat(500);
  return headers;
}
