import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { buildPipeline, synthPipeline } from './support';
import { PIPELINE_PERMISSIONS } from '../../../src/aws';
import { ErrorCode, ValidationError } from '../../../src/core/internal';

describe('Pipeline operators and the state machine role', () => {
  test('grantOperate: start, describe and list on the state machine; follow and stop its runs only', () => {
    const { pipeline, stack } = buildPipeline();
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    pipeline.grantOperate(operator);
    const statements = Object.values<any>(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('Operator'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const onExecutions = statements.find((s) => [s.Action].flat().includes('states:DescribeExecution'));
    expect([onExecutions.Action].flat().sort()).toEqual(
      [...PIPELINE_PERMISSIONS.observeExecutionActions].sort(),
    );
    expect(JSON.stringify(onExecutions.Resource)).toContain(`:execution:${pipeline.stateMachineName}:*`);
    const onMachine = statements.find((s) => [s.Action].flat().includes('states:ListExecutions'));
    expect(onMachine.Resource).toEqual({
      Ref: stack.getLogicalId(pipeline.stateMachine.node.defaultChild as any),
    });
    expect(statements.some((s) => [s.Action].flat().includes('states:StartExecution'))).toBe(true);
  });

  test('grantOperate rejects everyone (*)', () => {
    const { pipeline } = buildPipeline();
    let thrown: unknown;
    try {
      pipeline.grantOperate(new iam.AnyPrincipal());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).code).toBe(ErrorCode.INVALID_PRINCIPAL);
  });

  test("the state machine role's log-delivery key condition is StringLike (StringEquals on ':*' never matches)", () => {
    const { pipeline, stack, template } = synthPipeline();
    const roleName = { Ref: stack.getLogicalId(pipeline.stateMachine.role.node.defaultChild as any) };
    const statements = Object.values<any>(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([roleName]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const sourceArn = statements.filter((s) =>
      JSON.stringify(s.Condition ?? {}).includes('kms:EncryptionContext:SourceArn'),
    );
    expect(sourceArn).toHaveLength(1);
    expect(sourceArn[0].Condition.StringEquals).toBeUndefined();
    expect(JSON.stringify(sourceArn[0].Condition.StringLike['kms:EncryptionContext:SourceArn'])).toMatch(
      /:\*"\]\]\}$/,
    );
  });
});
