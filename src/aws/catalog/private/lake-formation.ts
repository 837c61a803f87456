import { Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import type { Construct, IConstruct, IDependable } from 'constructs';
import { ErrorCode, stableHash, ValidationError } from '../../../core/internal';
import type { CatalogPermissions } from '../perms';

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
 * The Lake Formation permissions of one zone grant, under `scope`: one
 * `AWS::LakeFormation::PrincipalPermissions` per principal × resource × permission (the
 * database, every table of it (`TableWildcard`) and, for writers, the zone's data location),
 * each with a construct id from that triple only. Every property of the resource forces a
 * replacement and deleting one revokes the principal-resource pair, so a resource listing several
 * permissions could revoke, on any change to the list, what its replacement just granted; one per
 * permission means changing someone's access adds or removes exactly the permissions that
 * changed. A triple already made (`made`) is reused. No grant option, ever. Each is created after
 * the database and the settings (so CloudFormation acts as an administrator), and a
 * data-location permission after the location is registered.
 */
export function lakeFormationPermissions(
  scope: Construct,
  made: Map<string, lf.CfnPrincipalPermissions>,
  spec: LakeFormationGrantSpec,
): lf.CfnPrincipalPermissions[] {
  const stack = Stack.of(scope);
  const catalogId = Aws.ACCOUNT_ID;
  const principal = { dataLakePrincipalIdentifier: spec.principalArn };
  const principalKey = JSON.stringify(stack.resolve(spec.principalArn));
  const wanted: {
    kind: string;
    resource: lf.CfnPrincipalPermissions.ResourceProperty;
    permission: string;
  }[] = [
    ...spec.perms.databasePermissions.map((permission) => ({
      kind: `database|${spec.databaseName}`,
      resource: { database: { catalogId, name: spec.databaseName } },
      permission,
    })),
    ...spec.perms.tablePermissions.map((permission) => ({
      kind: `tables|${spec.databaseName}`,
      resource: { table: { catalogId, databaseName: spec.databaseName, tableWildcard: {} } },
      permission,
    })),
    ...(spec.perms.writesData
      ? [
          {
            kind: `location|${JSON.stringify(stack.resolve(spec.locationArn))}`,
            resource: { dataLocation: { catalogId, resourceArn: spec.locationArn } },
            permission: 'DATA_LOCATION_ACCESS',
          },
        ]
      : []),
  ];
  return wanted.map(({ kind, resource, permission }) => {
    const key = `${principalKey}|${kind}|${permission}`;
    const existing = made.get(key);
    if (existing) return existing;
    const id = `LakeFormation${permission
      .split('_')
      .map((w) => w[0] + w.slice(1).toLowerCase())
      .join('')}${stableHash(key)}`;
    const grant = new lf.CfnPrincipalPermissions(scope, id, {
      principal,
      resource,
      permissions: [permission],
      permissionsWithGrantOption: [],
    });
    grant.node.addDependency(...spec.after);
    if (resource.dataLocation && spec.location) grant.node.addDependency(spec.location);
    made.set(key, grant);
    return grant;
  });
}
