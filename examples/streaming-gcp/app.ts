import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { type App, TerraformStack } from 'cdktf';
import { LakeStorage, NotificationTarget, Principal, StreamIngestion } from 'data-platform-kit/gcp';

/** Adds the `streaming-gcp` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'streaming-gcp');
  new GoogleProvider(stack, 'Google', { project: 'acme-data-dev', region: 'europe-west1' });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    location: 'europe-west1',
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    emailAddresses: ['data-oncall@acme.com'],
  });

  // Events land in the raw zone under clickstream/<date>/ as Avro; failures are dead-lettered.
  const clickstream = new StreamIngestion(stack, 'Clickstream', {
    platformName: 'sales',
    streamName: 'clickstream',
    lake,
    notificationTarget: alerts,
  });

  const web = new ServiceAccount(stack, 'Web', { accountId: 'sales-web', displayName: 'Web shop' });
  clickstream.grantWrite(Principal.fromServiceAccount(web));

  const fraud = new ServiceAccount(stack, 'Fraud', {
    accountId: 'sales-fraud',
    displayName: 'Fraud scoring',
  });
  clickstream.grantRead(Principal.fromServiceAccount(fraud));
  // example:end

  return [stack];
}
