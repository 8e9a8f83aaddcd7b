// `npm start` only: keeps the generated admin password in DATA_DIR/admin-credentials (mode 0600) and returns the
// text that shows it, once, on stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function announceAdmin(dataDir: string, admin: { username: string; password: string }): string {
  const file = resolve(join(dataDir, 'admin-credentials'));
  let saved = '';
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(admin, null, 2)}\n`, { mode: 0o600 });
    saved = `\n  (also saved to ${file}; delete it once you have changed the password)`;
  } catch (err) {
    saved = `\n  (could not save it to ${file}: ${(err as Error).message})`;
  }
  // Printed on plain stdout by main.ts, whatever the log level: this is the only time the password is shown.
  return `First start: created user "${admin.username}" with password ${admin.password}${saved}\nSign in with POST /api/auth/login {"username": "${admin.username}", "password": "…"}.\n\n`;
}
