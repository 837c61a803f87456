import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { App } from 'cdktf';

/** A synthesized Terraform JSON document. */
export interface TfDoc {
  readonly resource?: Record<string, Record<string, any>>;
  readonly data?: Record<string, Record<string, any>>;
  readonly output?: Record<string, { value: string }>;
}

/** A cdktf app's synthesized stacks: each document and what it deploys after, by stack name. */
export interface TfOutput {
  readonly docs: Record<string, TfDoc>;
  readonly dependencies: Record<string, string[]>;
}

/** Synthesizes a cdktf example's `build(app)` into a scratch folder and reads every stack back. */
export function synthesizeTerraform(newApp: (outdir: string) => App, build: (app: App) => unknown): TfOutput {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-parity-tf-'));
  const app = newApp(outdir);
  build(app);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const docs: Record<string, TfDoc> = {};
  const dependencies: Record<string, string[]> = {};
  for (const [name, stack] of Object.entries<any>(manifest.stacks)) {
    docs[name] = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8'));
    dependencies[name] = [...(stack.dependencies ?? [])].sort();
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  return { docs, dependencies };
}

/** The resources of `type` in a document, by name. */
export const resources = (doc: TfDoc, type: string): Record<string, any> => doc.resource?.[type] ?? {};

/** The `<type>.<name>` a `${type.name.attr}` reference points at, if `value` holds one of `type`. */
export function referenced(value: unknown, type: string): string | undefined {
  return new RegExp(`\\$\\{(?:data\\.)?${type}\\.([A-Za-z0-9_-]+)\\.`).exec(String(value))?.[1];
}
