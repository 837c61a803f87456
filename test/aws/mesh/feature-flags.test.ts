import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildMesh } from './support';

/**
 * `cdk synth` in examples/data-mesh-aws applies the feature flags of its cdk.json (those of a
 * `cdk init` app), which `npm run synth` and the other tests do not: with
 * `@aws-cdk/core:enablePartitionLiterals` the catalog key alias ARN is a literal, and the mesh
 * must still synthesize and grant on the key by its alias.
 */
const EXAMPLE_CONTEXT: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../examples/data-mesh-aws/cdk.json'), 'utf8'),
).context;

describe("aws.DataMesh under the example's cdk.json feature flags", () => {
  const { templates } = buildMesh(undefined, EXAMPLE_CONTEXT);

  test('the flags in force include literal partitions', () => {
    expect(EXAMPLE_CONTEXT['@aws-cdk/core:enablePartitionLiterals']).toBe(true);
  });

  test('a products stack grants the catalog keys by alias: on key/* of their account, never on the alias ARN', () => {
    const policies = templates['acme-sales-products'].findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap(
      (p: any) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>,
    );
    const byAlias = statements.filter(
      (s) => s.Condition?.['ForAnyValue:StringEquals']?.['kms:ResourceAliases'] === 'alias/acme/catalog',
    );
    const resources = byAlias.map((s) => JSON.stringify(s.Resource));
    expect(resources.some((r) => r.includes(':kms:eu-west-1:111111111111:key/*'))).toBe(true);
    for (const r of resources) expect(r).toMatch(/:kms:eu-west-1:(111111111111|222222222222):key\/\*"/);
  });
});
