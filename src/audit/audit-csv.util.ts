// The audit log as CSV (RFC 4180: quoted fields, doubled quotes), with formula-looking cells defused for spreadsheets.
import type { AuditEntryEntity } from '../database/entities/audit-entry.entity';

const HEADER = ['id', 'at', 'actor', 'action', 'targetType', 'targetId', 'detail'];

function cell(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  // A cell starting with = + - @ would run as a formula in Excel / WPS: prefix it so it stays text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: AuditEntryEntity[]): string {
  const rows = entries.map((e) => [e.id, e.at, e.actor, e.action, e.targetType, e.targetId, e.detail].map(cell).join(','));
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
