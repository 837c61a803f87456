import { createHash } from 'node:crypto';
import { TerraformVariable } from 'cdktf';
import { newGcpStack } from './support';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { Lakehouse } from '../../src/gcp';
import { TfTemplate } from '../helpers/tf-template';
import { withScripts } from '../journeys/gcp/lakehouse-journeys';

/** Every GCS bucket name of the example lakehouse deployed to `project` (a literal, or a variable when undefined). */
function bucketNames(project?: string): { names: string[]; template: TfTemplate } {
  const stack = newGcpStack();
  const projectValue = project ?? new TerraformVariable(stack, 'Project', { type: 'string' }).stringValue;
  new Lakehouse(
    stack,
    'Lakehouse',
    withScripts({ ...SALES_LAKEHOUSE, project: projectValue, location: 'europe-west1' }),
  );
  const template = TfTemplate.fromStack(stack);
  return { names: template.resources('google_storage_bucket').map((b) => b.config.name as string), template };
}

/** What Terraform's `substr(sha256(join("|", [path, project])), 0, 8)` gives for `project`. */
function planTimeName(expression: string, project: string): string {
  const m = /^(.*)\$\{substr\(sha256\(join\("\|", \["([^"]+)", var\.Project\]\)\), 0, 8\)\}$/.exec(
    expression,
  );
  if (!m) throw new Error(`not a deploy-time bucket name: ${expression}`);
  return `${m[1]}${createHash('sha256').update(`${m[2]}|${project}`).digest('hex').slice(0, 8)}`;
}

describe('GCS bucket names are unique per project', () => {
  const dev = bucketNames('acme-data-dev').names;
  const prod = bucketNames('acme-data-prod').names;
  const token = bucketNames(undefined).names;

  test('the lakehouse has zone, code and staging buckets', () => {
    expect(dev).toHaveLength(5);
  });

  test('two literal projects: no bucket name is equal', () => {
    expect(dev.filter((n) => prod.includes(n))).toEqual([]);
  });

  test('a token project: every name is bound to it at plan time, never a literal shared by all projects', () => {
    for (const name of token) expect(name).toContain('var.Project');
    expect(token.filter((n) => dev.includes(n) || prod.includes(n))).toEqual([]);
  });

  test('a token project resolves to the very names the literal project gives, so each project differs', () => {
    expect(token.map((n) => planTimeName(n, 'acme-data-dev')).sort()).toEqual([...dev].sort());
    expect(token.map((n) => planTimeName(n, 'acme-data-prod')).sort()).toEqual([...prod].sort());
  });

  test("without a project, names hash the provider's project (data.google_client_config), read once per stack", () => {
    const stack = newGcpStack();
    new Lakehouse(stack, 'Lakehouse', withScripts({ ...SALES_LAKEHOUSE, location: 'europe-west1' }));
    const template = TfTemplate.fromStack(stack);
    const configs = template.dataSources('google_client_config');
    expect(configs).toHaveLength(1);
    expect(configs[0].config.depends_on).toBeUndefined();
    for (const b of template.resources('google_storage_bucket')) {
      expect(b.config.name).toContain(`${configs[0].address}.project`);
    }
  });
});
