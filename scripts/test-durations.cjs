#!/usr/bin/env node
// Writes test/setup/durations.json from a jest log: the seconds jest printed for each file that took 5 s or more
// ("PASS test/x.test.ts (12.3 s)"), rounded. Used by test/setup/sequencer.js to start the long files first.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const log = process.argv[2];
if (!log) {
  console.error('usage: node scripts/test-durations.cjs <jest log, e.g. test-artifacts/jest.log>');
  process.exit(2);
}
const durations = {};
for (const m of readFileSync(log, 'utf8').matchAll(/^(?:PASS|FAIL) (\S+) \(([\d.]+) s\)/gm)) durations[m[1]] = Math.round(Number(m[2]));
const sorted = Object.fromEntries(Object.entries(durations).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
writeFileSync(join(__dirname, '..', 'test', 'setup', 'durations.json'), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files timed`);
