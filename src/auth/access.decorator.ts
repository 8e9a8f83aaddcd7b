// Declares who may call a handler: @Access({roles, scopes}) or @Public(); read by the global AuthGuard.
import { SetMetadata } from '@nestjs/common';
import type { KeyScope, UserRole } from './principal';

export const ACCESS_KEY = 'serviceflow:access';

export interface AccessRule {
  /** Users holding any of these roles (admin always passes). */
  roles?: UserRole[];
  /** API keys holding any of these scopes. */
  scopes?: KeyScope[];
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Any signed-in user or key, whatever its roles (e.g. "who am I"). */
  authenticated?: boolean;
}

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
