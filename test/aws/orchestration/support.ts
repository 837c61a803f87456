import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Pipeline, type PipelineProps, type PipelineStep } from '../../../src/aws';
import { newAwsStack } from '../../helpers/aws-stack';
import { lakeIn, script } from '../processing/support';

export const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';
export const SCHEDULE = 'AWS::Scheduler::Schedule';
export const SCHEDULE_GROUP = 'AWS::Scheduler::ScheduleGroup';
export const ALARM = 'AWS::CloudWatch::Alarm';
export const TOPIC = 'AWS::SNS::Topic';

/** The two steps of the fixture pipeline: raw → curated → serving. */
export const twoSteps = (): PipelineStep[] => [
  { name: 'clean', sourceZone: 'raw', targetZone: 'curated', script: script() },
  { name: 'publish', sourceZone: 'curated', targetZone: 'serving', script: script() },
];

/** A `daily` two-step pipeline in a fresh lake, not synthesized. */
export function buildPipeline(props: Partial<PipelineProps> = {}, stack: Stack = newAwsStack()) {
  const lake = lakeIn(stack);
  const pipeline = new Pipeline(stack, 'Daily', {
    platformName: 'sales',
    pipelineName: 'daily',
    lake,
    steps: twoSteps(),
    ...props,
  });
  return { lake, pipeline, stack };
}

/** The same, plus its synthesized template. */
export function synthPipeline(props: Partial<PipelineProps> = {}, stack: Stack = newAwsStack()) {
  const built = buildPipeline(props, stack);
  return { ...built, template: Template.fromStack(stack) };
}

/** The state machine's definition (ASL) as an object, with `${Token}` partitions flattened. */
export function definitionOf(template: Template): Record<string, any> {
  const sm = Object.values(template.findResources(STATE_MACHINE))[0];
  const body = sm.Properties.DefinitionString;
  const text =
    typeof body === 'string'
      ? body
      : (body['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : 'aws')).join('');
  return JSON.parse(text);
}
