/**
 * The byte layouts of packs and index objects. A pack is its sealed blobs back to back, then a
 * sealed header listing them, then the header's length (4 bytes, little-endian): written front
 * to back in one pass, read from the end. A header entry is type (1), id (32), offset (4),
 * length (4); an index object lists, per pack, its name (32), length (4), blob count (4) and
 * the same entries. Pack names are the SHA-256 of the pack's bytes: a pack vouches for itself.
 */
import { BLOB_ID_BYTES, BLOB_TYPE_CODES, blobTypeOf, type BlobType } from './blob.js';
import { label, open, seal } from '../crypto/sealed.js';

/** One blob's place in a pack. */
export interface PackBlob {
  readonly type: BlobType;
  /** Hex. */
  readonly id: string;
  readonly offset: number;
  readonly length: number;
}

/** A pack as the index knows it. */
export interface PackRecord {
  /** Hex SHA-256 of the pack's bytes. */
  readonly name: string;
  readonly length: number;
  readonly blobs: readonly PackBlob[];
}

const ENTRY_BYTES = 1 + BLOB_ID_BYTES + 4 + 4;
const NAME_BYTES = 32;
const FORMAT_VERSION = 1;
const HEADER_AAD = label('dpmsh pack header v1');
const INDEX_AAD = label('dpmsh index v1');

/** The object name of a pack. */
export function packObjectName(name: string): string {
  return `data/${name.slice(0, 2)}/${name}`;
}

/** The pack name in an object name under data/, or undefined for anything else. */
export function packNameOf(objectName: string): string | undefined {
  const match = /^data\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(objectName);
  return match !== null && match[2].startsWith(match[1]) ? match[2] : undefined;
}

function writeEntries(target: Buffer, at: number, blobs: readonly PackBlob[]): number {
  for (const blob of blobs) {
    target[at] = BLOB_TYPE_CODES[blob.type];
    target.write(blob.id, at + 1, BLOB_ID_BYTES, 'hex');
    target.writeUInt32LE(blob.offset, at + 1 + BLOB_ID_BYTES);
    target.writeUInt32LE(blob.length, at + 5 + BLOB_ID_BYTES);
    at += ENTRY_BYTES;
  }
  return at;
}

function readEntries(source: Buffer, at: number, count: number): PackBlob[] | null {
  if (at + count * ENTRY_BYTES > source.length) return null;
  const blobs: PackBlob[] = [];
  for (let i = 0; i < count; i++, at += ENTRY_BYTES) {
    const type = blobTypeOf(source[at]);
    if (type === undefined) return null;
    blobs.push({
      type,
      id: source.toString('hex', at + 1, at + 1 + BLOB_ID_BYTES),
      offset: source.readUInt32LE(at + 1 + BLOB_ID_BYTES),
      length: source.readUInt32LE(at + 5 + BLOB_ID_BYTES),
    });
  }
  return blobs;
}

/** The sealed header and length trailer that end a pack of these blobs. */
export function packTrailer(dataKey: Uint8Array, blobs: readonly PackBlob[]): Buffer {
  const header = Buffer.alloc(1 + blobs.length * ENTRY_BYTES);
  header[0] = FORMAT_VERSION;
  writeEntries(header, 1, blobs);
  const sealed = seal(dataKey, HEADER_AAD, header);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(sealed.length);
  return Buffer.concat([sealed, length]);
}

/** The blobs a pack's header lists, or why it cannot be read. */
export function readPackHeader(dataKey: Uint8Array, pack: Uint8Array): PackBlob[] | string {
  if (pack.length < 4) return 'it is too short to hold a header';
  const bytes = Buffer.from(pack.buffer, pack.byteOffset, pack.byteLength);
  const headerLength = bytes.readUInt32LE(bytes.length - 4);
  if (headerLength + 4 > bytes.length) return 'its header length is out of range';
  const headerStart = bytes.length - 4 - headerLength;
  const header = open(dataKey, HEADER_AAD, bytes.subarray(headerStart, bytes.length - 4));
  if (header === null) return 'its header does not authenticate';
  if (header[0] !== FORMAT_VERSION || (header.length - 1) % ENTRY_BYTES !== 0) return 'its header has an unknown layout';
  const blobs = readEntries(header, 1, (header.length - 1) / ENTRY_BYTES);
  if (blobs === null) return 'its header has an unknown blob type';
  for (const blob of blobs) {
    if (blob.offset + blob.length > headerStart) return `its header places blob ${blob.id} past the blobs`;
  }
  return blobs;
}

/** An index object's sealed bytes for these packs. */
export function encodeIndex(dataKey: Uint8Array, packs: readonly PackRecord[]): Buffer {
  let size = 5;
  for (const pack of packs) size += NAME_BYTES + 8 + pack.blobs.length * ENTRY_BYTES;
  const plain = Buffer.alloc(size);
  plain[0] = FORMAT_VERSION;
  plain.writeUInt32LE(packs.length, 1);
  let at = 5;
  for (const pack of packs) {
    plain.write(pack.name, at, NAME_BYTES, 'hex');
    plain.writeUInt32LE(pack.length, at + NAME_BYTES);
    plain.writeUInt32LE(pack.blobs.length, at + NAME_BYTES + 4);
    at = writeEntries(plain, at + NAME_BYTES + 8, pack.blobs);
  }
  return seal(dataKey, INDEX_AAD, plain);
}

/** The packs an index object lists, or null when it does not authenticate or decode. */
export function decodeIndex(dataKey: Uint8Array, sealed: Uint8Array): PackRecord[] | null {
  const plain = open(dataKey, INDEX_AAD, sealed);
  if (plain === null || plain.length < 5 || plain[0] !== FORMAT_VERSION) return null;
  const count = plain.readUInt32LE(1);
  const packs: PackRecord[] = [];
  let at = 5;
  for (let i = 0; i < count; i++) {
    if (at + NAME_BYTES + 8 > plain.length) return null;
    const name = plain.toString('hex', at, at + NAME_BYTES);
    const length = plain.readUInt32LE(at + NAME_BYTES);
    const blobCount = plain.readUInt32LE(at + NAME_BYTES + 4);
    const blobs = readEntries(plain, at + NAME_BYTES + 8, blobCount);
    if (blobs === null) return null;
    packs.push({ name, length, blobs });
    at += NAME_BYTES + 8 + blobCount * ENTRY_BYTES;
  }
  return at === plain.length ? packs : null;
}
