import { type App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { LakeStorage } from 'data-platform-kit/aws';

/** Adds the `LakeStorageAws` stack to `app` and returns it. */
export function build(app: App): Stack[] {
  const stack = new Stack(app, 'LakeStorageAws', { env: { region: 'eu-west-1' } });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
  });

  const analyst = new iam.Role(stack, 'Analyst', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: 'Sales analyst',
  });
  lake.grantRead(analyst, 'serving');
  // example:end

  return [stack];
}
