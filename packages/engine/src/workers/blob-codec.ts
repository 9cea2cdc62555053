/**
 * The CPU work of the engine (compress and seal blobs, check packs) on a small pool of worker
 * threads, one per available core, so it overlaps the main thread's reading, chunking, hashing
 * and pack writes. Buffers are transferred, never copied. When the compiled worker script is not
 * beside this module (the engine's tests run from sources) or workers are turned off, the same
 * functions run inline.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RepositoryKeys } from '../crypto/keys.js';
import { encodeBlob, type BlobType } from '../format/blob.js';
import { checkPack, type PackCheck } from '../format/pack-check.js';
import { ownBuffer, type CodecRequest, type CodecResponse, type CodecWorkerData } from './messages.js';

/** Seals blobs and checks packs, possibly in parallel. */
export interface BlobCodec {
  /** Jobs worth keeping in flight to keep every worker busy. */
  readonly parallelism: number;
  /**
   * The sealed blob. `plaintext` and the whole ArrayBuffer under it are handed over; when the
   * buffer has room (see encodeBlob) the sealed blob comes back in it.
   */
  encode(type: BlobType, id: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array>;
  /** The check of a pack's bytes; `pack` is handed over. */
  check(name: string, pack: Uint8Array): Promise<PackCheck>;
  /** Stops the workers. */
  close(): Promise<void>;
}

const WORKER_URL = new URL('./blob-worker.js', import.meta.url);

/** A codec with `workers` threads (the number of cores when undefined; inline when 0 or unavailable). */
export function createBlobCodec(keys: RepositoryKeys, workers?: number): BlobCodec {
  const count = workers ?? availableParallelism();
  if (count <= 0 || !existsSync(fileURLToPath(WORKER_URL))) return inlineCodec(keys);
  return new WorkerCodec({ idKey: keys.idKey, dataKey: keys.dataKey }, count);
}

function inlineCodec(keys: RepositoryKeys): BlobCodec {
  // Yield between jobs so that inline work still lets pending I/O run.
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    parallelism: 1,
    encode: async (type, id, plaintext) => {
      await turn();
      return encodeBlob(keys.dataKey, type, id, plaintext);
    },
    check: async (name, pack) => {
      await turn();
      return checkPack(keys, name, pack);
    },
    close: async () => undefined,
  };
}

interface Pending {
  resolve(response: CodecResponse): void;
  reject(error: Error): void;
}

class WorkerCodec implements BlobCodec {
  readonly parallelism: number;
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private failure: Error | undefined;

  constructor(
    private readonly data: CodecWorkerData,
    private readonly count: number,
  ) {
    this.parallelism = count * 2;
  }

  // Started on the first job: a worker costs about 50 ms to start, which an unchanged backup
  // (no new content) or a verify of an empty repository should not pay.
  private start(): void {
    for (let i = 0; i < this.count; i++) {
      const worker = new Worker(WORKER_URL, { workerData: this.data });
      const slot = { worker, busy: 0 };
      worker.on('message', (response: CodecResponse) => {
        slot.busy -= 1;
        const waiter = this.pending.get(response.seq);
        this.pending.delete(response.seq);
        waiter?.resolve(response);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A blob codec worker stopped with exit code ${code}.`));
      });
      this.workers.push(slot);
    }
  }

  async encode(type: BlobType, id: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
    const moved = ownBuffer(plaintext);
    const response = await this.run({ seq: 0, kind: 'encode', type, id, plaintext: moved.view }, [moved.buffer]);
    if (response.kind !== 'encode') throw new Error('A blob codec worker answered an encode with something else.');
    return response.sealed;
  }

  async check(name: string, pack: Uint8Array): Promise<PackCheck> {
    const moved = ownBuffer(pack);
    const response = await this.run({ seq: 0, kind: 'check', name, pack: moved.view }, [moved.buffer]);
    if (response.kind !== 'check') throw new Error('A blob codec worker answered a check with something else.');
    return response.check;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private run(request: CodecRequest, transfer: ArrayBuffer[]): Promise<CodecResponse> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.workers.length === 0) this.start();
    const seq = ++this.seq;
    const slot = this.workers.reduce((best, next) => (next.busy < best.busy ? next : best));
    slot.busy += 1;
    return new Promise<CodecResponse>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ ...request, seq }, transfer);
    }).then((response) => {
      if (response.kind === 'error') throw new Error(`A blob codec worker failed: ${response.message}`);
      return response;
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
