import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import type { ProductFacts, MeshFacts } from './facts';
import { grantCell } from './facts';
import { build } from '../../../examples/data-mesh-aws/app';
import type { DataMeshPlan } from '../../../src/patterns';

type Resources = Record<string, { Type: string; Properties?: any }>;

/** The logical id a `{ Ref }` or `{ Fn::Join: [.., [.., { Ref }]] }` points at, if any. */
function refIn(value: unknown): string | undefined {
  return /"Ref":"([A-Za-z0-9]+)"/.exec(JSON.stringify(value))?.[1];
}

/**
 * `acme-marketing-analyst` in a role ARN → `[marketing, analyst]`, given the mesh's domains; none
 * for a principal that is no persona role named in the ARN (the producer's own grants refer to
 * its roles by attribute).
 */
function personaOf(
  principal: unknown,
  mesh: string,
  domains: readonly string[],
): [string, string] | undefined {
  const role = /:role\/([a-z0-9-]+)"/.exec(JSON.stringify(principal))?.[1];
  const domain = domains.find((d) => role?.startsWith(`${mesh}-${d}-`));
  return role && domain ? [domain, role.slice(`${mesh}-${domain}-`.length)] : undefined;
}

function bucketFacts(
  resources: Resources,
  bucketId: string,
): Pick<ProductFacts, 'encrypted' | 'publicAccessBlocked'> {
  const bucket = resources[bucketId].Properties;
  const sse = bucket.BucketEncryption?.ServerSideEncryptionConfiguration ?? [];
  const block = bucket.PublicAccessBlockConfiguration ?? {};
  return {
    encrypted: sse.some((r: any) => r.ServerSideEncryptionByDefault?.SSEAlgorithm === 'aws:kms'),
    publicAccessBlocked: [
      'BlockPublicAcls',
      'BlockPublicPolicy',
      'IgnorePublicAcls',
      'RestrictPublicBuckets',
    ].every((k) => block[k] === true),
  };
}

/** Facts of one products stack's tables: columns, their LF-tag levels, storage and freshness alarm. */
function productFacts(resources: Resources, domain: string, lowest: string): Record<string, ProductFacts> {
  const levels = new Map<string, string>();
  for (const r of Object.values(resources).filter((x) => x.Type === 'AWS::LakeFormation::TagAssociation')) {
    const columns = r.Properties.Resource.TableWithColumns;
    for (const column of columns?.ColumnNames ?? []) {
      levels.set(`${columns.Name}.${column}`, r.Properties.LFTags[0].TagValues[0]);
    }
  }
  const alarms = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
  const facts: Record<string, ProductFacts> = {};
  for (const [id, r] of Object.entries(resources).filter(([, x]) => x.Type === 'AWS::Glue::Table')) {
    const table = r.Properties.TableInput;
    // The freshness alarm sits next to its table: Product<Name>Table and Product<Name>Freshness….
    const alarm = alarms.find((a) =>
      Object.entries(resources).some(
        ([alarmId, x]) => x === a && alarmId.startsWith(id.replace(/Table$/, 'Freshness')),
      ),
    )?.Properties;
    facts[`${domain}.${table.Name}`] = {
      columns: Object.fromEntries(
        table.StorageDescriptor.Columns.map((c: { Name: string }) => [
          c.Name,
          levels.get(`${table.Name}.${c.Name}`) ?? lowest,
        ]),
      ),
      freshnessHours: alarm ? (alarm.Period * alarm.EvaluationPeriods) / 3600 : undefined,
      freshnessAlerts: !!alarm && alarm.TreatMissingData === 'breaching' && alarm.AlarmActions?.length > 0,
      ...bucketFacts(resources, refIn(table.StorageDescriptor.Location)!),
    };
  }
  return facts;
}

/** The AWS data-mesh example, synthesized to a cloud assembly and read back from its templates. */
export function readAwsMesh(plan: DataMeshPlan): MeshFacts {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-parity-aws-'));
  const app = new App({ outdir });
  build(app);
  const assembly = app.synth();
  const domains = plan.domains.map((d) => d.name);
  const byArtifact = new Map(assembly.stacks.map((s) => [s.id, s.stackName]));
  const facts: MeshFacts = { stacks: {}, products: {}, grants: [], columnClassification: 'enforced' };
  for (const stack of assembly.stacks) {
    facts.stacks[stack.stackName] = stack.dependencies
      .map((d) => byArtifact.get(d.id))
      .filter((n): n is string => !!n)
      .sort();
    const domain = domains.find((d) => stack.stackName === `${plan.name}-${d}-products`);
    if (!domain) continue;
    const resources: Resources = stack.template.Resources;
    Object.assign(facts.products, productFacts(resources, domain, plan.classifications[0]));
    for (const r of Object.values(resources).filter(
      (x) => x.Type === 'AWS::LakeFormation::PrincipalPermissions',
    )) {
      if (!r.Properties.Permissions.includes('SELECT')) continue;
      const persona = personaOf(r.Properties.Principal, plan.name, domains);
      if (!persona || persona[0] === domain) continue; // the producer's own personas: its lakehouse, not the mesh
      const [consumer, name] = persona;
      const table = r.Properties.Resource.Table ?? r.Properties.Resource.TableWithColumns;
      const hidden: string[] = table.ColumnWildcard?.ExcludedColumnNames ?? [];
      facts.grants.push(grantCell(consumer, name, `${domain}.${table.Name}`, hidden));
    }
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  facts.grants.sort();
  return facts;
}
