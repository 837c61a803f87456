/**
 * Runs shell commands side by side and waits for all of them: the test task runs its
 * single-threaded checks (type-check then API reports, and eslint) together, one per core,
 * before jest takes both cores. Each command's output is printed whole when it ends, under its
 * name, so the logs do not interleave; the exit code is the first failure's.
 *
 * Usage: tsx scripts/parallel.ts "<name>=<command>" …
 */
import { spawn } from 'node:child_process';

interface Outcome {
  readonly name: string;
  readonly code: number;
  readonly seconds: number;
}

function run(name: string, command: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      const status = code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n── ${name}: ${status} in ${seconds.toFixed(1)} s ── ${command}\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ name, code: code ?? 1, seconds });
    });
  });
}

async function main(specs: readonly string[]): Promise<void> {
  const jobs = specs.map((spec) => {
    const at = spec.indexOf('=');
    if (at <= 0) throw new Error(`expected "<name>=<command>", got: ${spec}`);
    return run(spec.slice(0, at), spec.slice(at + 1));
  });
  const failed = (await Promise.all(jobs)).filter((o) => o.code !== 0);
  if (failed.length > 0) {
    process.stderr.write(`\nfailed: ${failed.map((o) => o.name).join(', ')}\n`);
    process.exitCode = failed[0].code;
  }
}

void main(process.argv.slice(2));
