import { App } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { type ComplianceReport, formatFindings } from '../../src/core/compliance';
import { REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../src/core/removal';
import { ACKNOWLEDGEMENT_METADATA } from '../../src/terraform';

/** Asserts a compliance run found nothing unacknowledged and did check something; returns it. */
export function expectClean(report: ComplianceReport): ComplianceReport {
  expect(formatFindings(report.findings)).toBe('');
  expect(report.checks).toBeGreaterThan(0);
  return report;
}

/** A CDK app with `context` (and the removal flag set, so DESTROY paths are exercised) built by `add`. */
export function awsAppWith(context: Record<string, unknown>, add: (app: App) => unknown): App {
  const app = new App({ context: { ...context, [REMOVE_DATA_ON_DESTROY_CONTEXT]: true } });
  add(app);
  return app;
}

/** Every Terraform-pack acknowledgement recorded on `scope` or below. */
export function terraformAcknowledgements(scope: IConstruct): { ruleId: string; reason: string }[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === ACKNOWLEDGEMENT_METADATA).map((m) => m.data));
}
