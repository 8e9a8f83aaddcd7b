// One of the parallel raw-engine processes of the "all cores" limit: runs the raw-engine loop, prints its figures.
import { rawEngineStartsPerSec } from './limits';

rawEngineStartsPerSec(Number(process.argv[2] ?? 10)).then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
