// The raw facts the KPIs are computed from: one row per request (service request or complaint), per answered
// survey and per escalation, already narrowed by the dimension filters.

export interface KpiDimensions {
  /** Intake channels (phone, web, app, wechat, email, chat); empty = all. */
  channels: string[];
  /** P1…P4, or 'urgent' (a complaint flagged urgent); empty = all. */
  priorities: string[];
  region?: string;
  /** A process key; with `version`, only that version's requests (and the surveys of their resolutions). */
  process?: string;
  version?: number;
}

export interface RequestFact {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: 'active' | 'completed' | 'cancelled';
  startedAt: Date;
  endedAt: Date | null;
  priority: string | null;
  urgent: boolean;
  /** When the first user task was completed: the first response to the customer. */
  firstResponseAt: Date | null;
  /** Service requests: how often settlement was reached (resolutions), the last one, and on-site diagnoses. */
  resolutions: number;
  lastResolvedAt: Date | null;
  diagnoses: number;
  /** Service requests: "request recorded correctly first time" as recorded (null = not yet recorded). */
  requirementUnderstood: boolean | null;
  /** Complaints: when the last handling task (L1/L2/L3) was completed. */
  handledAt: Date | null;
}

export interface SurveyFact {
  answeredAt: Date;
  overall: number;
  nps: number;
}

export interface EscalationFact {
  createdAt: Date;
  level: number;
}

export interface KpiFacts {
  requests: RequestFact[];
  surveys: SurveyFact[];
  escalations: EscalationFact[];
}
