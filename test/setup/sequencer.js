// Jest test sequencer: longest files first, also on a fresh clone. Jest orders by the durations it cached on the
// last run on this machine; CI starts from a clean clone with no cache, where jest falls back to file size and a
// five-minute file could start last and run alone. Files this machine has not timed take their duration from
// durations.json (seconds, from a quiet run; `node scripts/test-durations.cjs <jest log>` refreshes it).
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const known = require('./durations.json');

/** A file not in the table: the few seconds of an ordinary one. */
const UNKNOWN_MS = 3000;

class KnownDurationsFirst extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const seconds = known[relative(test.context.config.rootDir, test.path).split('\\').join('/')];
    return seconds == null ? UNKNOWN_MS : seconds * 1000;
  }
}

module.exports = KnownDurationsFirst;
