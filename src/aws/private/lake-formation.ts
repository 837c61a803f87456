import { Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import type { Construct, IConstruct, IDependable } from 'constructs';
import { ErrorCode, ValidationError } from '../../core';
import type { CatalogPermissions } from '../catalog/perms';

/**
 * The Lake Formation principal of `grantee`: an IAM role's or user's ARN. Throws
 * `DPK_INVALID_PRINCIPAL` for anything else (a service, an account, everyone): catalog grants go
 * to the principal's IAM policy and name it in Lake Formation.
 */
export function dataLakePrincipalArn(scope: IConstruct, grantee: iam.IGrantable): string {
  const principal = grantee.grantPrincipal as iam.IPrincipal & { roleArn?: unknown; userArn?: unknown };
  if (typeof principal.roleArn === 'string') return principal.roleArn;
  if (typeof principal.userArn === 'string') return principal.userArn;
  if (principal instanceof iam.ArnPrincipal && /:iam::[^:]*:(role|user)\//.test(principal.arn)) {
    return principal.arn;
  }
  throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, scope, {
    prop: 'principal',
    received: Stack.of(scope).resolve(principal.policyFragment.principalJson),
    allowed:
      'an IAM role or user of this account (catalog grants go to its IAM policy and name it in Lake Formation)',
  });
}

/** What one zone grant is made of. */
export interface LakeFormationGrantSpec {
  readonly principalArn: string;
  readonly databaseName: string;
  /** The zone's registered location (its bucket ARN). */
  readonly locationArn: string;
  readonly perms: CatalogPermissions;
  /** What every permission is created after: the database and the data-lake settings. */
  readonly after: readonly IDependable[];
  /** The location registration a data-location permission is created after. */
  readonly location?: IDependable;
}

/**
 * The Lake Formation permissions of one zone grant, under `scope`: the database, every table of it
 * (`TableWildcard`) and, for writers, the zone's data location. No grant option, ever. Each is
 * created after the database and the settings (so CloudFormation acts as an administrator), and a
 * data-location permission after the location is registered.
 */
export function lakeFormationPermissions(
  scope: Construct,
  spec: LakeFormationGrantSpec,
): lf.CfnPrincipalPermissions[] {
  const catalogId = Aws.ACCOUNT_ID;
  const principal = { dataLakePrincipalIdentifier: spec.principalArn };
  const made = [
    new lf.CfnPrincipalPermissions(scope, 'Database', {
      principal,
      resource: { database: { catalogId, name: spec.databaseName } },
      permissions: [...spec.perms.databasePermissions],
      permissionsWithGrantOption: [],
    }),
    new lf.CfnPrincipalPermissions(scope, 'Tables', {
      principal,
      resource: { table: { catalogId, databaseName: spec.databaseName, tableWildcard: {} } },
      permissions: [...spec.perms.tablePermissions],
      permissionsWithGrantOption: [],
    }),
  ];
  if (spec.perms.writesData) {
    const location = new lf.CfnPrincipalPermissions(scope, 'DataLocation', {
      principal,
      resource: { dataLocation: { catalogId, resourceArn: spec.locationArn } },
      permissions: ['DATA_LOCATION_ACCESS'],
      permissionsWithGrantOption: [],
    });
    if (spec.location) location.node.addDependency(spec.location);
    made.push(location);
  }
  for (const permission of made) permission.node.addDependency(...spec.after);
  return made;
}
