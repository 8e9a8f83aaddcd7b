// Marks a state-changing handler as audited: the request's transaction writes `action` by the caller, in the same commit.
import { SetMetadata } from '@nestjs/common';

export const AUDITED = 'audited';

export interface AuditedOptions {
  /** Target type when the entry names the route's `id` (default: the instance a command ran on). */
  target?: string;
  /**
   * The change is one statement outside any transaction of ours (e.g. requeueing a delivery): the entry is written right
   * after it succeeds. Use only where that is so; every other handler writes inside its transaction or fails the audit test.
   */
  afterSuccess?: boolean;
}

export interface AuditedMeta extends AuditedOptions {
  action: string;
}

export const Audited = (action: string, options: AuditedOptions = {}) => SetMetadata(AUDITED, { action, ...options } satisfies AuditedMeta);
