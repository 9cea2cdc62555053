/** A codec worker: seals blobs and checks packs for the main thread (see blob-codec.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeBlob } from '../format/blob.js';
import { checkPack } from '../format/pack-check.js';
import { ownBuffer, type CodecRequest, type CodecResponse, type CodecWorkerData } from './messages.js';

const keys = workerData as CodecWorkerData;
const port = parentPort;
if (port === null) throw new Error('blob-worker.js runs as a worker thread only.');

port.on('message', (request: CodecRequest) => {
  let response: CodecResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    if (request.kind === 'encode') {
      // Sealed in the plaintext's own buffer when it has room, which thus goes back for reuse.
      const sealed = ownBuffer(encodeBlob(keys.dataKey, request.type, request.id, request.plaintext));
      response = { seq: request.seq, kind: 'encode', sealed: sealed.view };
      transfer = [sealed.buffer];
    } else {
      response = { seq: request.seq, kind: 'check', check: checkPack(keys, request.name, request.pack) };
    }
  } catch (error) {
    response = { seq: request.seq, kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response, transfer);
});
