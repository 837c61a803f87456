import * as path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { type AwsRequest, PolicySimulator } from './aws/simulator';
import { ACCOUNT, LakeFormationModel, REGION, TemplateModel } from './aws/template-model';
import { CUSTOM_PERSONAS_SPEC, type Journey, JourneyAction, lakehouseJourneys } from './lakehouse-journeys';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { Lakehouse, type LakehouseProps, SparkJobScript } from '../../src/aws';

/**
 * Every persona and job journey of the plan (lakehouseJourneys), proven from the SYNTHESIZED
 * template: the IAM side (identity policies, bucket policies, key policies) with the offline IAM
 * policy simulator (see ./aws/simulator.ts for why this one), the Lake Formation side with an
 * evaluator over the template's AWS::LakeFormation::PrincipalPermissions and data-lake settings.
 * A journey is allowed when every request it needs is allowed; a denied journey must fail at
 * least one of them.
 */
const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, '../aws/processing/fixtures/clean.py'));

const CUSTOM_PERSONAS: LakehouseProps = CUSTOM_PERSONAS_SPEC;

interface Built {
  readonly lakehouse: Lakehouse;
  readonly model: TemplateModel;
  readonly lf: LakeFormationModel;
  readonly sim: PolicySimulator;
  readonly id: (c: IConstruct) => string;
}

function build(spec: Omit<LakehouseProps, 'stepScripts'>): Built {
  const app = new App();
  const stack = new Stack(app, 'Journeys', { env: { account: ACCOUNT, region: REGION } });
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...spec,
    stepScripts: { 'daily-orders/clean': SCRIPT, 'daily-orders/publish': SCRIPT },
  });
  const template = app.synth().getStackByName('Journeys').template;
  const model = new TemplateModel(template);
  return {
    lakehouse,
    model,
    lf: new LakeFormationModel(model),
    sim: new PolicySimulator(model),
    id: (c) => stack.getLogicalId((c.node.defaultChild ?? c) as CfnElement),
  };
}

/** The IAM requests and Lake Formation checks a journey needs. */
function requirements(b: Built, journey: Journey): { iam: AwsRequest[]; lf: (() => boolean)[] } {
  const { lakehouse, model, id } = b;
  const keyId = id(lakehouse.encryptionKey.key);
  const key = model.getAtt(keyId, 'Arn');
  const onKey = (action: string): AwsRequest => ({
    action,
    resource: key,
    resourcePolicyOf: { type: 'key', id: keyId },
  });
  const principal = model.getAtt(roleIdOf(b, journey), 'Arn');
  const zone = journey.target;
  const bucketOf = (z: string) => {
    const bid = id(lakehouse.lake.bucketFor(z));
    return { bid, arn: model.getAtt(bid, 'Arn') };
  };
  switch (journey.action) {
    case JourneyAction.READ_ZONE: {
      const { bid, arn } = bucketOf(zone);
      return {
        iam: [
          { action: 's3:ListBucket', resource: arn, resourcePolicyOf: { type: 'bucket', id: bid } },
          {
            action: 's3:GetObject',
            resource: `${arn}/orders/part-0.parquet`,
            resourcePolicyOf: { type: 'bucket', id: bid },
          },
          onKey('kms:Decrypt'),
        ],
        lf: [],
      };
    }
    case JourneyAction.WRITE_ZONE: {
      const { bid, arn } = bucketOf(zone);
      return {
        iam: [
          {
            action: 's3:PutObject',
            resource: `${arn}/orders/part-0.parquet`,
            resourcePolicyOf: { type: 'bucket', id: bid },
          },
          onKey('kms:GenerateDataKey'),
        ],
        lf: [],
      };
    }
    case JourneyAction.QUERY_ZONE: {
      const db = lakehouse.catalog.databaseNameFor(zone);
      const warehouse = lakehouse.warehouse!;
      const results = id(warehouse.queryResultsBucket);
      const resultsArn = model.getAtt(results, 'Arn');
      const glue = (r: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:${r}`;
      return {
        iam: [
          {
            action: 'athena:StartQueryExecution',
            resource: `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${warehouse.athenaWorkGroupName}`,
          },
          {
            action: 'athena:GetQueryResults',
            resource: `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${warehouse.athenaWorkGroupName}`,
          },
          {
            action: 's3:PutObject',
            resource: `${resultsArn}/q-1.csv`,
            resourcePolicyOf: { type: 'bucket', id: results },
          },
          {
            action: 's3:GetObject',
            resource: `${resultsArn}/q-1.csv`,
            resourcePolicyOf: { type: 'bucket', id: results },
          },
          { action: 'glue:GetDatabase', resource: glue(`database/${db}`) },
          { action: 'glue:GetTable', resource: glue(`table/${db}/orders`) },
          { action: 'glue:GetPartitions', resource: glue(`table/${db}/orders`) },
          { action: 'lakeformation:GetDataAccess', resource: '*' },
          onKey('kms:Decrypt'),
          onKey('kms:GenerateDataKey'),
        ],
        lf: [
          () => b.lf.onDatabase(principal, db, 'DESCRIBE'),
          () => b.lf.onTables(principal, db, 'SELECT'),
          () => b.lf.onTables(principal, db, 'DESCRIBE'),
        ],
      };
    }
    case JourneyAction.CREATE_TABLE: {
      const db = lakehouse.catalog.databaseNameFor(zone);
      const { arn } = bucketOf(zone);
      const glue = (r: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:${r}`;
      return {
        iam: [
          { action: 'glue:CreateTable', resource: glue(`table/${db}/orders`) },
          { action: 'glue:UpdateTable', resource: glue(`table/${db}/orders`) },
          { action: 'glue:GetTable', resource: glue(`table/${db}/orders`) },
          { action: 'lakeformation:GetDataAccess', resource: '*' },
          onKey('kms:GenerateDataKey'),
        ],
        lf: [
          () => b.lf.onDatabase(principal, db, 'CREATE_TABLE'),
          () => b.lf.onTables(principal, db, 'ALTER'),
          () => b.lf.onTables(principal, db, 'INSERT'),
          () => b.lf.onLocation(principal, arn),
        ],
      };
    }
    case JourneyAction.PUBLISH_STREAM: {
      const streamId = id(lakehouse.streams[journey.target].stream);
      const arn = model.getAtt(streamId, 'Arn');
      return {
        iam: [
          { action: 'kinesis:PutRecord', resource: arn },
          { action: 'kinesis:PutRecords', resource: arn },
          { action: 'kinesis:DescribeStreamSummary', resource: arn },
          onKey('kms:GenerateDataKey'),
        ],
        lf: [],
      };
    }
    case JourneyAction.OPERATE_PIPELINE: {
      const pipeline = lakehouse.pipelines[journey.target];
      const sm = model.ref(id(pipeline.stateMachine));
      const execution = sm.replace(':stateMachine:', ':execution:') + ':run-1';
      return {
        iam: [
          { action: 'states:StartExecution', resource: sm },
          { action: 'states:ListExecutions', resource: sm },
          { action: 'states:DescribeExecution', resource: execution },
          { action: 'states:GetExecutionHistory', resource: execution },
        ],
        lf: [],
      };
    }
    case JourneyAction.ADMINISTER_CATALOG:
      return { iam: [], lf: [() => b.lf.isAdmin(principal)] };
  }
}

function roleIdOf(b: Built, journey: Journey): string {
  if (journey.actor.kind === 'persona') return b.id(b.lakehouse.personas[journey.actor.name]);
  const [pipeline, step] = journey.actor.name.split('/');
  const p = b.lakehouse.pipelines[pipeline];
  return b.id(p.jobs[p.steps.findIndex((s) => s.name === step)].role);
}

/** Each requirement's outcome, for a readable failure. */
async function evaluate(b: Built, journey: Journey): Promise<{ allowed: boolean; failed: string[] }> {
  const { iam, lf } = requirements(b, journey);
  const roleId = roleIdOf(b, journey);
  const failed: string[] = [];
  for (const request of iam) {
    if (!(await b.sim.allows(roleId, request))) failed.push(`${request.action} on ${request.resource}`);
  }
  lf.forEach((check, i) => {
    if (!check()) failed.push(`Lake Formation check ${i + 1}`);
  });
  return { allowed: failed.length === 0, failed };
}

describe.each([
  ['examples/lakehouse-spec.ts', SALES_LAKEHOUSE],
  ['a spec with custom personas', CUSTOM_PERSONAS],
] as const)('AWS lakehouse journeys: %s', (_, spec) => {
  const b = build(spec);
  const journeys = lakehouseJourneys(b.lakehouse.plan);

  test('covers allowed and denied journeys of every persona and job', () => {
    expect(journeys.filter((j) => j.allowed).length).toBeGreaterThan(0);
    expect(journeys.filter((j) => !j.allowed).length).toBeGreaterThan(0);
    expect(new Set(journeys.map((j) => j.actor.name))).toEqual(
      new Set([
        ...b.lakehouse.plan.personas.map((p) => p.name),
        ...b.lakehouse.plan.pipelines.flatMap((p) => p.steps.map((s) => `${p.name}/${s.name}`)),
      ]),
    );
  });

  test('the simulator decides from the template: without its identity policies no allowed journey passes', async () => {
    for (const journey of journeys.filter(
      (j) => j.allowed && j.action !== JourneyAction.ADMINISTER_CATALOG,
    )) {
      const roleId = roleIdOf(b, journey);
      const outcomes = await Promise.all(
        requirements(b, journey).iam.map((r) => b.sim.allows(roleId, r, { withoutIdentityPolicies: true })),
      );
      expect({ journey: journey.title, allAllowed: outcomes.every(Boolean) }).toEqual({
        journey: journey.title,
        allAllowed: false,
      });
    }
  });

  test.each(journeys.map((j) => [j.title, j] as const))('%s', async (__, journey) => {
    const { allowed, failed } = await evaluate(b, journey);
    if (journey.allowed) {
      expect({ journey: journey.title, failed }).toEqual({ journey: journey.title, failed: [] });
    } else {
      expect({ journey: journey.title, allowed }).toEqual({ journey: journey.title, allowed: false });
    }
  });
});
