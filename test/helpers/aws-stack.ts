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
