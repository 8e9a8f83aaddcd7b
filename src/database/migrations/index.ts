// The ordered list of committed migrations (no synchronize outside tests).
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { TimersIncidentsOutbox1764100000000 } from './1764100000000-timers-incidents-outbox';
import { OutboxCommitOrder1764200000000 } from './1764200000000-outbox-commit-order';
import { Escalations1764300000000 } from './1764300000000-escalations';
import { SlaClocks1764400000000 } from './1764400000000-sla-clocks';
import { SurveysKpis1764500000000 } from './1764500000000-surveys-kpis';
import { AuthAudit1764600000000 } from './1764600000000-auth-audit';
import { SlaClockTaskIndex1764700000000 } from './1764700000000-sla-clock-task-index';
import { LoginAttempts1765200000000 } from './1765200000000-login-attempts';
import { TokenSecretOutOfDatabase1765300000000 } from './1765300000000-token-secret-out-of-database';
import { Groups1765400000000 } from './1765400000000-groups';
import { BpmnElements1765500000000 } from './1765500000000-bpmn-elements';
import { ExternalTasks1765600000000 } from './1765600000000-external-tasks';
import { Tasklist1767400000000 } from './1767400000000-tasklist';
import { IncidentCommands1767500000000 } from './1767500000000-incident-commands';
import { TechnicianProfiles1767600000000 } from './1767600000000-technician-profiles';
import { RequestNotes1767600000001 } from './1767600000001-request-notes';
import { CustomerNotifications1767700000000 } from './1767700000000-customer-notifications';
import { TokenExpiry1768200000000 } from './1768200000000-token-expiry';
import { DemoRecords1768400000000 } from './1768400000000-demo-records';
import { InstanceSearch1768500000000 } from './1768500000000-instance-search';
import { ColocatedForeignKeys1768600000000 } from './1768600000000-colocated-foreign-keys';
import { TimerCalendars1768700000000 } from './1768700000000-timer-calendars';
import { Batches1768800000000 } from './1768800000000-batches';
import { TaskLocalNames1768950000000 } from './1768950000000-task-local-names';
import { UnresolvedEscalationsIndex1769000000000 } from './1769000000000-unresolved-escalations-index';
import { InstancePrimaryKeys1769100000000 } from './1769100000000-instance-primary-keys';
import { StartTimers1769100000001 } from './1769100000001-start-timers';
import { SplitOutbox1769100000002 } from './1769100000002-split-outbox';
import { KeyLookups1769100000003 } from './1769100000003-key-lookups';
import { Simulations1769200000000 } from './1769200000000-simulations';

export const migrations = [
  InitialSchema1764000000000,
  TimersIncidentsOutbox1764100000000,
  OutboxCommitOrder1764200000000,
  Escalations1764300000000,
  SlaClocks1764400000000,
  SurveysKpis1764500000000,
  AuthAudit1764600000000,
  SlaClockTaskIndex1764700000000,
  LoginAttempts1765200000000,
  TokenSecretOutOfDatabase1765300000000,
  Groups1765400000000,
  BpmnElements1765500000000,
  ExternalTasks1765600000000,
  Tasklist1767400000000,
  IncidentCommands1767500000000,
  TechnicianProfiles1767600000000,
  RequestNotes1767600000001,
  CustomerNotifications1767700000000,
  TokenExpiry1768200000000,
  DemoRecords1768400000000,
  InstanceSearch1768500000000,
  ColocatedForeignKeys1768600000000,
  TimerCalendars1768700000000,
  Batches1768800000000,
  TaskLocalNames1768950000000,
  UnresolvedEscalationsIndex1769000000000,
  InstancePrimaryKeys1769100000000,
  StartTimers1769100000001,
  SplitOutbox1769100000002,
  KeyLookups1769100000003,
  Simulations1769200000000,
];
