// The ordered list of committed migrations (no synchronize outside tests).
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

export const migrations = [InitialSchema1764000000000];
