import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { type App, TerraformStack } from 'cdktf';
import { LakeStorage, Principal } from 'data-platform-kit/gcp';

/** Adds the `lake-storage-gcp` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'lake-storage-gcp');
  new GoogleProvider(stack, 'Google', { project: 'acme-data-dev', region: 'europe-west1' });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    location: 'europe-west1',
  });

  const analyst = new ServiceAccount(stack, 'Analyst', {
    accountId: 'sales-analyst',
    displayName: 'Sales analyst',
  });
  lake.grantRead(Principal.fromServiceAccount(analyst), 'serving');
  // example:end

  return [stack];
}
