/** CPU-heavy work off the event loop: the pool (started by server/plugins/jobs.ts as `app.jobs`) and its errors. */
export { BusyError, JobFailedError, JobPool, type JobName } from './pool';
