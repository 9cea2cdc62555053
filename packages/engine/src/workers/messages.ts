/** The messages between the blob codec and its workers. */
import type { BlobType } from '../format/blob.js';
import type { PackCheck } from '../format/pack-check.js';

/** What a worker is started with. */
export interface CodecWorkerData {
  readonly idKey: Uint8Array;
  readonly dataKey: Uint8Array;
}

/** A job for a worker; its buffers are transferred, not copied. */
export type CodecRequest =
  | { readonly seq: number; readonly kind: 'encode'; readonly type: BlobType; readonly id: Uint8Array; readonly plaintext: Uint8Array }
  | { readonly seq: number; readonly kind: 'check'; readonly name: string; readonly pack: Uint8Array };

/** A worker's answer. */
export type CodecResponse =
  | { readonly seq: number; readonly kind: 'encode'; readonly sealed: Uint8Array }
  | { readonly seq: number; readonly kind: 'check'; readonly check: PackCheck }
  | { readonly seq: number; readonly kind: 'error'; readonly message: string };

/**
 * The buffer to transfer for a view: its own when the view starts it (a chunk in a reused buffer,
 * a pack read whole, a sealed blob), else a copy's. A view further in may share its buffer with
 * others (Node's small-Buffer pool), which a transfer would take from under them.
 */
export function ownBuffer(view: Uint8Array): { view: Uint8Array; buffer: ArrayBuffer } {
  const { buffer } = view;
  if (buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength > 0 && (view.byteLength === buffer.byteLength || !Buffer.isBuffer(view))) {
    return { view, buffer };
  }
  const copy = view.slice();
  return { view: copy, buffer: copy.buffer };
}
