// Declares who may call a handler: @Access({roles, scopes}) or @Public(); read by the global AuthGuard.
import { SetMetadata } from '@nestjs/common';
import type { UserRole } from './principal';

export const ACCESS_KEY = 'serviceflow:access';

export interface AccessRule {
  /** Users holding any of these roles (admin always passes). */
  roles?: UserRole[];
  // API keys are not named here: what each scope reaches is the one table in scope-reach.ts.
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Any signed-in user or key, whatever its roles or scopes (e.g. "who am I"). */
  authenticated?: boolean;
}

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
