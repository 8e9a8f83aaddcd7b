// The demo's service desk: agents, technicians (skills, regions, capacity), supervisors and a manager, all `demo.`-named.
import type { UserRole } from '../auth/principal';

export const DEMO_REGIONS = ['Shanghai', 'Beijing', 'Shenzhen'] as const;
export const DEMO_FAULT_TYPES = ['hardware', 'software', 'installation', 'other'] as const;

export interface DemoPerson {
  username: string;
  displayName: string;
  role: UserRole;
  technician?: { skills: string[]; regions: string[]; capacity: number };
}

const person = (username: string, displayName: string, role: UserRole, technician?: DemoPerson['technician']): DemoPerson => ({ username: `demo.${username}`, displayName, role, technician });

export const DEMO_STAFF: DemoPerson[] = [
  person('agent.wang', '王芳 (demo)', 'agent'),
  person('agent.li', '李娜 (demo)', 'agent'),
  person('agent.zhang', '张伟 (demo)', 'agent'),
  person('agent.chen', 'Chen Jing (demo)', 'agent'),
  person('tech.liu', '刘洋 (demo)', 'technician', { skills: ['hardware', 'installation'], regions: ['Shanghai'], capacity: 6 }),
  person('tech.zhao', '赵磊 (demo)', 'technician', { skills: ['hardware', 'software', 'other'], regions: ['Shanghai', 'Shenzhen'], capacity: 6 }),
  person('tech.sun', '孙强 (demo)', 'technician', { skills: ['software', 'other'], regions: ['Beijing'], capacity: 5 }),
  person('tech.zhou', '周杰 (demo)', 'technician', { skills: ['hardware', 'installation', 'other'], regions: ['Beijing', 'Shenzhen'], capacity: 5 }),
  person('tech.wu', 'Wu Min (demo)', 'technician', { skills: ['hardware', 'software', 'installation', 'other'], regions: ['Shenzhen', 'Shanghai'], capacity: 4 }),
  person('sup.huang', '黄敏 (demo)', 'supervisor'),
  person('sup.xu', 'Xu Lei (demo)', 'supervisor'),
  person('mgr.ma', '马丽 (demo)', 'manager'),
];

/** The demo staff of one role (the role of a task's candidate group). */
export function staffOf(role: string): DemoPerson[] {
  return DEMO_STAFF.filter((p) => p.role === role);
}

/** Demo users sign in with their username followed by this suffix (printed by `npm run demo`). */
export const DEMO_PASSWORD_SUFFIX = '-demo-2026';
