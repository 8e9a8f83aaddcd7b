// notifyEscalation: records that a complaint moved up one level (2 = supervisor, 3 = manager).
import type { ServiceHandler } from '../engine/service-registry';

const ROLE_OF_LEVEL: Record<number, string> = { 2: 'supervisor', 3: 'manager' };

export const notifyEscalation: ServiceHandler = ({ inputs, record }) => {
  const level = Number(inputs.level);
  if (!ROLE_OF_LEVEL[level]) throw new Error(`escalation level must be 2 or 3, got ${String(inputs.level)}`);
  record('complaint.escalated', { level, role: ROLE_OF_LEVEL[level] });
  return { escalationLevel: level };
};
