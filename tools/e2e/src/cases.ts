/**
 * Conformance cases: each file under tests/conformance holds cases written as
 *
 *     ### name of the case            (add " [file]" to run it with -File instead of -Command)
 *     <script lines>
 *     --- stdout
 *     <what PowerShell 7 prints on stdout>
 *     --- stderr                      (optional; absent means stderr must be empty)
 *     <what it prints on stderr>
 *     --- exit 1                      (optional; absent means exit code 0)
 *
 * Expected text is compared with trailing spaces removed from each line and trailing blank
 * lines removed; blank lines inside the output count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One conformance case. */
export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly script: string;
  readonly asFile: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Normalizes output for comparison. */
export function normalize(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

function parseFile(path: string, root: string): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const file = relative(root, path);
  const chunks = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').split(/^### /m).slice(1);
  for (const chunk of chunks) {
    const newline = chunk.indexOf('\n');
    const header = chunk.slice(0, newline).trim();
    const asFile = header.endsWith('[file]');
    const name = asFile ? header.slice(0, -'[file]'.length).trim() : header;
    const body = chunk.slice(newline + 1);
    const sections = body.split(/^--- /m);
    const script = sections[0].replace(/\n$/, '');
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    for (const section of sections.slice(1)) {
      const end = section.indexOf('\n');
      const title = (end < 0 ? section : section.slice(0, end)).trim();
      const content = end < 0 ? '' : section.slice(end + 1);
      if (title === 'stdout') stdout = content;
      else if (title === 'stderr') stderr = content;
      else if (title.startsWith('exit')) exitCode = Number(title.slice(4).trim());
      else throw new Error(`${file}: case '${name}': unknown section '--- ${title}'`);
    }
    cases.push({ file, name, script, asFile, stdout: normalize(stdout), stderr: normalize(stderr), exitCode });
  }
  return cases;
}

/** Every case under a folder, in file and case order. */
export function loadCases(root: string): ConformanceCase[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cases'))
    .sort();
  return files.flatMap((f) => parseFile(join(root, f), root));
}
