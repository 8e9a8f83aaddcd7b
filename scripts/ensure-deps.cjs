// Runs `npm ci` when node_modules is missing or older than package-lock.json, so that `npm start` and
// `npm test` work as the first command on a fresh clone. Uses only Node built-ins.
const { execSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const lock = join(root, 'package-lock.json');
// npm writes node_modules/.package-lock.json at the end of every install.
const installed = join(root, 'node_modules', '.package-lock.json');

if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) process.exit(0);
console.log(existsSync(installed) ? 'package-lock.json changed: reinstalling dependencies (npm ci) …' : 'Installing dependencies (npm ci) …');
// @carbon/grid (under the form-js editor) would start IBM's usage-telemetry collector on install: not for our users.
execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: process.env.IBM_TELEMETRY_DISABLED ?? 'true' } });
