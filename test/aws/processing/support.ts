import * as path from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LakeStorage, SparkJob, type SparkJobProps, SparkJobScript } from '../../../src/aws';
import { newAwsStack } from '../../helpers/aws-stack';

export const JOB = 'AWS::Glue::Job';
export const SECURITY_CONFIGURATION = 'AWS::Glue::SecurityConfiguration';
export const CONNECTION = 'AWS::Glue::Connection';
export const LOG_GROUP = 'AWS::Logs::LogGroup';
export const ROLE = 'AWS::IAM::Role';
export const POLICY = 'AWS::IAM::Policy';
export const HASH = '[0-9a-f]{8}';

/** The fixture PySpark script. */
export const SCRIPT_PATH = path.join(__dirname, 'fixtures', 'clean.py');
export const script = () => SparkJobScript.fromAsset(SCRIPT_PATH);

/** A lake (`sales`, default zones) in `stack`. */
export const lakeIn = (stack: Stack) => new LakeStorage(stack, 'Lake', { platformName: 'sales' });

/** A `clean` raw → curated SparkJob in a fresh lake, not synthesized (grants can still be added). */
export function buildJob(props: Partial<SparkJobProps> = {}, stack: Stack = newAwsStack()) {
  const lake = lakeIn(stack);
  const job = new SparkJob(stack, 'Clean', {
    platformName: 'sales',
    jobName: 'clean',
    lake,
    sourceZone: 'raw',
    targetZone: 'curated',
    script: script(),
    ...props,
  });
  return { lake, job, stack };
}

/** The same, plus its synthesized template. */
export function synthJob(props: Partial<SparkJobProps> = {}, stack: Stack = newAwsStack()) {
  const built = buildJob(props, stack);
  return { ...built, template: Template.fromStack(stack) };
}

/** The only resource of `type` in the template (fails otherwise). */
export function only(template: Template, type: string): Record<string, any> {
  const all = Object.values(template.findResources(type));
  expect(all).toHaveLength(1);
  return all[0];
}

/** The logical id of a construct's CloudFormation resource (an L1, or an L2's default child). */
export const idOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId((construct.node.defaultChild ?? construct) as any);

/** `{ Fn::GetAtt: [<id>, Arn] }` of an L2's resource. */
export const arnOf = (stack: Stack, construct: { node: { defaultChild?: unknown } }) => ({
  'Fn::GetAtt': [idOf(stack, construct), 'Arn'],
});

/** Every statement of the policies attached to the role with logical id `roleId`. */
export function statementsOf(template: Template, roleId: string): Record<string, any>[] {
  return Object.values(template.findResources(POLICY))
    .filter((p) => (p.Properties.Roles as any[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** The actions of a statement, as a list. */
export const actionsOf = (s: Record<string, any>): string[] => [s.Action].flat();

/** A resolved value as one string (for matching ARNs built with Fn::Join). */
export function flat(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (Array.isArray(v)) return v.map(flat).join(',');
  if (v?.['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(flat).join(v['Fn::Join'][0]);
  if (v?.['Fn::GetAtt']) return `<${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}>`;
  if (v?.Ref) return `<${v.Ref}>`;
  return JSON.stringify(value);
}
