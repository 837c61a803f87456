import { App, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';

/** A fresh CDK app and stack for one test, with optional app context. */
export function newAwsStack(context: Record<string, unknown> = {}, id = 'Test'): Stack {
  const app = new App({ context });
  return new Stack(app, id, { env: { account: '111122223333', region: 'eu-west-1' } });
}

/** The same, under the feature flags a user's `cdk init` app has. */
export function newRecommendedAwsStack(context: Record<string, unknown> = {}, id = 'Test'): Stack {
  return newAwsStack({ ...cxapi.CURRENTLY_RECOMMENDED_FLAGS, ...context }, id);
}

/**
 * Turns aws-cdk-lib's built-in CloudFormation validation back on for the tests of this file
 * (test/setup/engine-validation.ts turns it off for unit tests): for tests whose assertion
 * includes the engine's verdict, such as an empty validation report.
 */
export function useEngineValidation(): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
  });
  afterAll(() => {
    if (saved !== undefined) process.env.CDK_VALIDATION = saved;
  });
}

/** Runs `fn` with aws-cdk-lib's built-in CloudFormation validation on (it is read at synth time). */
export function withEngineValidation<T>(fn: () => T): T {
  const saved = process.env.CDK_VALIDATION;
  delete process.env.CDK_VALIDATION;
  try {
    return fn();
  } finally {
    if (saved !== undefined) process.env.CDK_VALIDATION = saved;
  }
}
