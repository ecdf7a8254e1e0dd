import { parentPort } from 'node:worker_threads';
import { createInProcessExecutor, type FromWorker, type ToWorker } from './job-executor.js';

/** Worker-thread side of `createWorkerExecutor`: runs the jobs it is sent, one at a time. */
const port = parentPort;
if (port === null) throw new Error('bench-worker must run in a worker thread');
const executor = createInProcessExecutor();
let controller = new AbortController();

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') {
    controller.abort();
    return;
  }
  controller = new AbortController();
  const send = (reply: FromWorker) => port.postMessage(reply);
  executor
    .run({
      job: message.job,
      world: message.world,
      abortSignal: controller.signal,
      onRound: (round) => send({ type: 'round', round }),
    })
    .then(
      (result) => send({ type: 'done', result }),
      (error: unknown) =>
        send({
          type: 'failed',
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        }),
    );
});
