// Builds the web client (client/dist) when it is missing or older than its sources, so that `npm test` (whose browser
// tests load the built client) works as the first command on a fresh clone and after client edits. Node built-ins only.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'client', 'dist', 'index.html');
// Sources of the client bundle: the client itself, the lint rules and dialect it shares with the server, the lockfile.
const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'src/definitions/lint', 'src/engine', 'processes/.bpmnlintrc', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt && sources.every((s) => newest(join(root, s)) <= builtAt)) process.exit(0);
console.log(builtAt ? 'Client sources changed: rebuilding the web client …' : 'Building the web client …');
execSync('npm run build:client', { cwd: root, stdio: 'inherit' });
