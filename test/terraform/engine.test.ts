import { createHash } from 'node:crypto';
import { TerraformOutput, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { NameRules, physicalName, stableHash } from '../../src/core/naming';
import { DataRemovalPolicy, decideRemoval, REMOVAL_DOWNGRADED_WARNING } from '../../src/core/removal';
import { applyRemoval, propagationWait, TERRAFORM_DEPLOY_TIME_NAMING } from '../../src/terraform';
import { warningsOf } from '../helpers/tf-template';

/** Synthesizes one output holding a derived name and returns its rendered value. */
function renderedName(scopeValue: (stack: TerraformStack) => string): { name: string; path: string } {
  const stack = new TerraformStack(Testing.app(), 'Stack');
  const name = physicalName(stack, NameRules.AZURE_STORAGE_ACCOUNT, {
    platform: 'sales',
    parts: ['lake'],
    deploymentScope: { values: [scopeValue(stack)], deployTime: TERRAFORM_DEPLOY_TIME_NAMING },
  });
  new TerraformOutput(stack, 'Name', { value: name });
  return { name: JSON.parse(Testing.synth(stack)).output.Name.value, path: stack.node.path };
}

describe('Terraform deploy-time naming', () => {
  test('a literal scope gives a literal name', () => {
    const { name } = renderedName(() => 'rg-a');
    expect(name).toBe(`saleslake${stableHash('Stack|rg-a')}`);
  });

  test("a reference scope is hashed by Terraform's sha256() over the same input", () => {
    const { name } = renderedName(
      (stack) => new TerraformVariable(stack, 'resource_group', { type: 'string' }).stringValue,
    );
    expect(name).toBe('saleslake${substr(sha256(join("|", ["Stack", var.resource_group])), 0, 8)}');
  });

  test('the plan-time hash equals the synth-time hash once the reference resolves', () => {
    // Terraform's sha256() is the hex digest of the UTF-8 string; join("|", …) is the kit's input.
    const terraformValue = createHash('sha256').update(['Stack', 'rg-a'].join('|')).digest('hex').slice(0, 8);
    expect(renderedName(() => 'rg-a').name).toBe(`saleslake${terraformValue}`);
  });
});

describe('propagationWait', () => {
  test('waits after the grants, adds the time provider once', () => {
    const stack = new TerraformStack(Testing.app(), 'Stack');
    const first = propagationWait(stack, 'WaitA', [], 60);
    propagationWait(stack, 'WaitB', [first], 120);
    const doc = JSON.parse(Testing.synth(stack));
    expect(Object.keys(doc.provider)).toEqual(['time']);
    expect(doc.provider.time).toHaveLength(1);
    expect(doc.resource.time_sleep.WaitA.create_duration).toBe('60s');
    expect(doc.resource.time_sleep.WaitB).toMatchObject({
      create_duration: '120s',
      depends_on: ['time_sleep.WaitA'],
    });
  });
});

describe('applyRemoval', () => {
  test("the removal guard's warning is said once per stack, however many blocks asked for DESTROY", () => {
    const stack = new TerraformStack(Testing.app(), 'Stack');
    const decision = decideRemoval(stack, DataRemovalPolicy.DESTROY);
    const first = new TerraformResource(stack, 'First', { terraformResourceType: 'null_resource' });
    const second = new TerraformResource(stack, 'Second', { terraformResourceType: 'null_resource' });
    applyRemoval(first, decision, first);
    applyRemoval(second, decision, second);
    expect(warningsOf(stack)).toEqual([expect.stringContaining(REMOVAL_DOWNGRADED_WARNING)]);
    expect(warningsOf(first)).toHaveLength(1);
    expect(JSON.parse(Testing.synth(stack)).resource.null_resource.Second.lifecycle.prevent_destroy).toBe(
      true,
    );
  });
});
