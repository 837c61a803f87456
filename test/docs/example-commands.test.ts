// @slow: runs the CDK CLI and tsx on two examples: with no timings yet
// (a fresh clone), jest starts it first (test/setup/sequencer.cjs).
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The README's "run one yourself" commands, run as written from a fresh clone (no global CLI,
 * no network): every `cd examples/<name> && npx …` the README shows must synthesize.
 */
const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const COMMANDS = [...README.matchAll(/`cd (examples\/[a-z0-9-]+) && (npx [^`]+)`/g)].map((m) => ({
  dir: m[1],
  command: m[2],
}));

describe("the README's example commands", () => {
  test('the README documents one per engine', () => {
    expect(COMMANDS.map((c) => c.command)).toEqual(['npx cdk synth', 'npx tsx main.ts']);
  });

  test.each(COMMANDS)(
    'cd $dir && $command synthesizes',
    ({ dir, command }) => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-example-'));
      try {
        // Output into a scratch folder; the command itself is the README's.
        const redirect = command.startsWith('npx cdk') ? ` --quiet -o ${out}` : '';
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          CDKTF_OUTDIR: out,
          CDK_DISABLE_CLI_TELEMETRY: 'true',
          CHECKPOINT_DISABLE: '1',
        };
        // As a user runs it: with aws-cdk-lib's template validation (test/setup/engine-validation.ts).
        delete env.CDK_VALIDATION;
        execSync(`${command}${redirect}`, { cwd: path.join(ROOT, dir), env, stdio: 'pipe' });
        const written = fs.readdirSync(out, { recursive: true }).map(String);
        expect(written.some((f) => f.endsWith('.template.json') || f.endsWith('cdk.tf.json'))).toBe(true);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
