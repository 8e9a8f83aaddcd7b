// The worker thread of a simulation run: runs the job it is given and posts progress, then the results or the error.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from './simulation-job';
import type { RunJob } from './simulation-run.types';

const port = parentPort!;
runJob(workerData as RunJob, (progress) => port.postMessage({ type: 'progress', progress }))
  .then((results) => port.postMessage({ type: 'done', results }))
  .catch((err: Error) => port.postMessage({ type: 'failed', error: err.message }));
