// Who may do what: the named access rules every handler declares with @Access (admins pass every role rule).
import type { AccessRule } from './access.decorator';

const STAFF = ['agent', 'technician', 'supervisor', 'manager', 'analyst'] as const;
const FRONT_LINE = ['agent', 'technician', 'supervisor', 'manager'] as const;
const LEADS = ['supervisor', 'manager'] as const;

export const Rules = {
  /** Diagrams, versions, handlers, SLA policies and calendars: everyone at work, and integrators with `read`. */
  readProcesses: { roles: [...STAFF], scopes: ['read'] },
  /** Deploying a definition (and previewing or importing one). */
  deploy: { roles: ['analyst'] },
  /** The candidate groups: analysts model tasks for them (admins manage them through `admin`). */
  readGroups: { roles: ['analyst'] },
  /** Opening a request: agents take calls; integrators start with `start`. */
  startInstance: { roles: ['agent', ...LEADS], scopes: ['start'] },
  /** Instances, their history and variables. */
  readInstances: { roles: [...STAFF], scopes: ['read'] },
  cancelInstance: { roles: [...LEADS] },
  correlateMessage: { roles: [...FRONT_LINE], scopes: ['messages'] },
  /** Tasks: agents and technicians see and work only tasks of their roles (checked per task). */
  readTasks: { roles: [...FRONT_LINE], scopes: ['read'] },
  workTasks: { roles: [...FRONT_LINE] },
  /** Escalations, incidents, SLA clocks: supervisors and managers. */
  supervise: { roles: [...LEADS] },
  /** KPIs and reports: supervisors, managers, and analysts judging a redesign. */
  dashboards: { roles: [...LEADS, 'analyst'] },
  /** Survey answers as data (the customer's own page is public). */
  readSurveys: { roles: [...LEADS, 'analyst'], scopes: ['read'] },
  /** The live stream: anyone signed in; what each sees is filtered by role (see EventStreamService). */
  liveEvents: { authenticated: true },
  /** Users, API keys, webhooks, the audit log. */
  admin: { roles: ['admin'] },
} satisfies Record<string, AccessRule>;
