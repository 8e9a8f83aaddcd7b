import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config/app-config';
import { loadTokenSecret } from './token-secret';

describe('loadTokenSecret', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-token-secret-spec-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers JWT_SECRET, then JWT_SECRET_FILE', () => {
    const file = path.join(dir, 'secret');
    fs.writeFileSync(file, `${'f'.repeat(40)}\n`);
    expect(loadTokenSecret(loadConfig({ JWT_SECRET: 'e'.repeat(40), JWT_SECRET_FILE: file, DATA_DIR: dir }))).toBe('e'.repeat(40));
    expect(loadTokenSecret(loadConfig({ JWT_SECRET_FILE: file, DATA_DIR: dir }))).toBe('f'.repeat(40));
    fs.writeFileSync(file, 'short');
    expect(() => loadTokenSecret(loadConfig({ JWT_SECRET_FILE: file, DATA_DIR: dir }))).toThrow(/at least 32 characters/);
  });

  it('generates DATA_DIR/jwt-secret once (owner-only) and keeps it; the first writer wins', () => {
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data') });
    const first = loadTokenSecret(config, 'a'.repeat(48));
    expect(first).toBe('a'.repeat(48));
    expect(fs.statSync(path.join(dir, 'data', 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(loadTokenSecret(config, 'b'.repeat(48))).toBe(first);
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual(['jwt-secret']); // no leftovers from the atomic write
  });
});
