import { type App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Catalog, LakeStorage, Network, Warehouse } from 'data-platform-kit/aws';
import { acknowledgeRule, wildcardResourceFindingId } from 'data-platform-kit/aws/compliance';

/** Adds the `WarehouseAws` stack to `app` and returns it. */
export function build(app: App): Stack[] {
  const stack = new Stack(app, 'WarehouseAws', { env: { region: 'eu-west-1' } });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    encryptionKey: lake.encryptionKey,
  });
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
  const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', network, catalog });

  const analyst = new iam.Role(stack, 'Analyst', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: 'Sales analyst',
  });
  const engineer = new iam.Role(stack, 'Engineer', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: 'Sales data engineer',
  });
  const analystReads = catalog.grantRead(analyst, 'serving');
  warehouse.grantQuery(analyst);
  const engineerWrites = catalog.grantReadWrite(engineer, 'curated');
  // example:end

  // Each catalog grant names every table of its zone, `*` for lakeformation:GetDataAccess (no
  // resource-level permissions) and, for a writer, every object of the zone; querying writes
  // any object of the results bucket. AwsSolutions-IAM5 flags those wildcards on the grantee's
  // policy; they are the grants' intent, so the grantee (never a data resource) acknowledges them.
  const acknowledge = (grantee: iam.Role, arns: readonly string[], reason: string) => {
    for (const arn of new Set(arns)) {
      acknowledgeRule(grantee, { id: wildcardResourceFindingId(grantee, arn), reason });
    }
  };
  acknowledge(
    analyst,
    analystReads.wildcardResourceArns,
    'Reading every table of the serving zone is what the grant is for.',
  );
  acknowledge(
    analyst,
    [warehouse.queryResultsBucket.arnForObjects('*')],
    'Athena writes and reads query results as the caller, under names it generates.',
  );
  acknowledge(
    engineer,
    engineerWrites.wildcardResourceArns,
    'Creating, changing and reading every table and object of the curated zone is what the grant is for.',
  );

  return [stack];
}
