// Who may do what: the named access rules every handler declares with @Access (admins pass every role rule). API keys
// reach what their scopes list in scope-reach.ts.
import type { AccessRule } from './access.decorator';

const STAFF = ['agent', 'technician', 'supervisor', 'manager', 'analyst'] as const;
const FRONT_LINE = ['agent', 'technician', 'supervisor', 'manager'] as const;
const LEADS = ['supervisor', 'manager'] as const;

export const Rules = {
  /** Diagrams, versions, handlers, SLA policies and calendars: everyone at work. */
  readProcesses: { roles: [...STAFF] },
  /** Deploying a definition (and previewing or importing one). */
  deploy: { roles: ['analyst'] },
  /** The candidate groups: analysts model tasks for them (admins manage them through `admin`). */
  readGroups: { roles: ['analyst'] },
  /** Opening a request: agents take calls; integrators start with `start`. */
  startInstance: { roles: ['agent', ...LEADS] },
  /** Instances, their history and variables. */
  readInstances: { roles: [...STAFF] },
  cancelInstance: { roles: [...LEADS] },
  /** Instance migration between versions and bulk actions (cancel, retry, reassign, migrate): supervisors and managers. */
  operateInstances: { roles: [...LEADS] },
  correlateMessage: { roles: [...FRONT_LINE] },
  /** Tasks: agents and technicians see and work only tasks of their roles (checked per task). */
  readTasks: { roles: [...FRONT_LINE] },
  workTasks: { roles: [...FRONT_LINE] },
  /** Escalations, incidents, SLA clocks: supervisors and managers. */
  supervise: { roles: [...LEADS] },
  /** KPIs and reports: supervisors, managers, and analysts judging a redesign. */
  dashboards: { roles: [...LEADS, 'analyst'] },
  /** Simulation runs (what-if before deploy, backtests): analysts (admins pass every rule). */
  simulate: { roles: ['analyst'] },
  /** Survey answers as data (the customer's own page is public). */
  readSurveys: { roles: [...LEADS, 'analyst'] },
  /** The live stream: every user (what each sees is filtered by role, see EventStreamService); keys with `read`. */
  liveEvents: { roles: [...STAFF] },
  /** External task workers: fetch-and-lock, complete, failure, BPMN error, extend lock, unlock (keys with `external-tasks`). */
  workExternalTasks: { roles: [] },
  /** The list of open external tasks: supervisors and managers (operations); keys with `external-tasks` or `read`. */
  readExternalTasks: { roles: [...LEADS] },
  /** Users, API keys, webhooks, the audit log. */
  admin: { roles: ['admin'] },
} satisfies Record<string, AccessRule>;
