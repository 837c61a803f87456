import { type App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { LakeStorage } from 'data-platform-kit/aws';
import { acknowledgeRule, wildcardResourceFindingId } from 'data-platform-kit/aws/compliance';

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

  // A zone grant reads `<bucket ARN>/*`: AwsSolutions-IAM5 flags the object wildcard on the
  // analyst's policy. It is the grant's intent, so the analyst (never the bucket) acknowledges it.
  acknowledgeRule(analyst, {
    id: wildcardResourceFindingId(analyst, lake.bucketFor('serving').arnForObjects('*')),
    reason: 'Reading every object of the serving zone is what the grant is for.',
  });

  return [stack];
}
