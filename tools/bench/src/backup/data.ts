/**
 * The benchmark's data set: 1 GiB of mixed data in the shape ENGINE-NOTES measures, half random
 * bytes (incompressible) and half log text (compressible), spread over large and small files.
 */
import { randomFillSync } from 'node:crypto';
import { mkdirSync, openSync, writeSync, closeSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const MiB = 1024 * 1024;

/** Writes `totalMiB` of mixed data under `dir` and returns its size in bytes. */
export function writeMixedData(dir: string, totalMiB: number): number {
  const half = Math.floor(totalMiB / 2);
  mkdirSync(join(dir, 'random'), { recursive: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'small'), { recursive: true });
  let written = 0;
  const block = Buffer.alloc(MiB);
  const fileMiB = 64;
  for (let i = 0; i * fileMiB < half; i++) {
    written += writeFile(join(dir, 'random', `blob-${i}.bin`), Math.min(fileMiB, half - i * fileMiB), () => randomFillSync(block));
  }
  let line = 0;
  const logBlock = (): Buffer => {
    let text = '';
    while (text.length < MiB) {
      line += 1;
      text += `2026-12-04T10:${String(line % 60).padStart(2, '0')}:${String((line * 7) % 60).padStart(2, '0')}Z INFO job=${line % 977} datasource=SQL${line % 13} bytes=${(line * 7919) % 100000} state=${line % 5 === 0 ? 'Completed' : 'Running'}\n`;
    }
    return Buffer.from(text.slice(0, MiB));
  };
  const smallCount = 1000;
  const smallMiB = 8;
  const logMiB = half - smallMiB;
  for (let i = 0; i * fileMiB < logMiB; i++) {
    written += writeFile(join(dir, 'logs', `app-${i}.log`), Math.min(fileMiB, logMiB - i * fileMiB), logBlock);
  }
  const small = Buffer.alloc((smallMiB * MiB) / smallCount);
  for (let i = 0; i < smallCount; i++) {
    randomFillSync(small, 0, small.length / 2);
    const path = join(dir, 'small', `note-${i}.txt`);
    const fd = openSync(path, 'w');
    writeSync(fd, small);
    closeSync(fd);
    utimesSync(path, new Date(1_700_000_000_000), new Date(1_700_000_000_000));
    written += small.length;
  }
  return written;
}

function writeFile(path: string, mib: number, fill: () => Buffer): number {
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < mib; i++) writeSync(fd, fill());
  } finally {
    closeSync(fd);
  }
  return mib * MiB;
}
