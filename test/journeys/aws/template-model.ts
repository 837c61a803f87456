/**
 * A synthesized CloudFormation template as the journey tests read it: every intrinsic that names a
 * resource (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, pseudo parameters) resolved to a concrete fake ARN
 * or name with a fixed partition, account and region, so the template's own policies can be handed
 * to an IAM policy simulator; and the Lake Formation grants and administrators the template declares.
 */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const PARTITION = 'aws';

type Json = any;

/** A template with references resolved. */
export class TemplateModel {
  private readonly resources: Record<string, Json>;

  constructor(template: Json) {
    this.resources = template.Resources;
  }

  /** Logical ids of resources of `type`. */
  public idsOf(type: string): string[] {
    return Object.keys(this.resources).filter((id) => this.resources[id].Type === type);
  }

  /** The resource `id` with every intrinsic in its properties resolved. */
  public properties(id: string): Json {
    return this.resolve(this.resources[id].Properties ?? {});
  }

  /** `{ Ref: id }` resolved. */
  public ref(id: string): string {
    const r = this.resources[id];
    if (!r) throw new Error(`No resource ${id}`);
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::IAM::Role':
        return this.resolve(p.RoleName) ?? id;
      case 'AWS::S3::Bucket':
        return this.resolve(p.BucketName) ?? id.toLowerCase();
      case 'AWS::Glue::Database':
        return this.resolve(p.DatabaseInput.Name);
      case 'AWS::Kinesis::Stream':
        return this.resolve(p.Name) ?? id;
      case 'AWS::StepFunctions::StateMachine':
        return `arn:${PARTITION}:states:${REGION}:${ACCOUNT}:stateMachine:${this.resolve(p.StateMachineName) ?? id}`;
      case 'AWS::KMS::Key':
        return `key-${id}`;
      default:
        return this.resolve(p.Name) ?? id;
    }
  }

  /** `{ Fn::GetAtt: [id, attribute] }` resolved. */
  public getAtt(id: string, attribute: string): string {
    const r = this.resources[id];
    if (!r) throw new Error(`No resource ${id}`);
    const arn = (service: string, resource: string, region = REGION, account = ACCOUNT) =>
      `arn:${PARTITION}:${service}:${region}:${account}:${resource}`;
    switch (`${r.Type}.${attribute}`) {
      case 'AWS::IAM::Role.Arn':
        return `arn:${PARTITION}:iam::${ACCOUNT}:role/${this.ref(id)}`;
      case 'AWS::S3::Bucket.Arn':
        return `arn:${PARTITION}:s3:::${this.ref(id)}`;
      case 'AWS::KMS::Key.Arn':
        return arn('kms', `key/${this.ref(id)}`);
      case 'AWS::Kinesis::Stream.Arn':
        return arn('kinesis', `stream/${this.ref(id)}`);
      case 'AWS::StepFunctions::StateMachine.Arn':
        return this.ref(id);
      case 'AWS::RedshiftServerless::Workgroup.Workgroup.WorkgroupArn':
        return arn('redshift-serverless', `workgroup/${id}`);
      case 'AWS::SNS::Topic.TopicArn':
        return arn('sns', id);
      case 'AWS::Glue::Job.Arn':
        return arn('glue', `job/${this.ref(id)}`);
      default:
        return arn('fake', `${id}/${attribute}`);
    }
  }

  /** Resolves every intrinsic in `value`. */
  public resolve(value: Json): Json {
    if (value === undefined || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [k] = keys;
      const v = value[k];
      if (k === 'Ref') return this.pseudo(v) ?? this.ref(v);
      if (k === 'Fn::GetAtt') {
        const [id, ...attr] = Array.isArray(v) ? v : String(v).split('.');
        return this.getAtt(id, attr.join('.'));
      }
      if (k === 'Fn::Join') {
        const [sep, parts] = v;
        return (this.resolve(parts) as unknown[]).join(sep);
      }
      if (k === 'Fn::Sub') {
        const [text, vars] = typeof v === 'string' ? [v, {}] : v;
        return String(text).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
          if (vars[name] !== undefined) return this.resolve(vars[name]);
          const pseudo = this.pseudo(name);
          if (pseudo !== undefined) return pseudo;
          const [id, ...attr] = name.split('.');
          return attr.length > 0 ? this.getAtt(id, attr.join('.')) : this.ref(id);
        });
      }
    }
    return Object.fromEntries(keys.map((k) => [k, this.resolve(value[k])]));
  }

  private pseudo(name: string): string | undefined {
    return (
      {
        'AWS::AccountId': ACCOUNT,
        'AWS::Region': REGION,
        'AWS::Partition': PARTITION,
        'AWS::URLSuffix': 'amazonaws.com',
        'AWS::StackName': 'JourneyStack',
      } as Record<string, string>
    )[name];
  }
}

/** One Lake Formation permission of the template (one `AWS::LakeFormation::PrincipalPermissions`). */
export interface LakeFormationGrant {
  readonly principal: string;
  readonly resource:
    | { readonly kind: 'database'; readonly database: string }
    | { readonly kind: 'tables'; readonly database: string }
    | {
        readonly kind: 'table';
        readonly database: string;
        readonly table: string;
        /** Columns a `TableWithColumns` grant leaves out (`ColumnWildcard.ExcludedColumnNames`). */
        readonly excludedColumns: readonly string[];
      }
    | { readonly kind: 'location'; readonly arn: string };
  readonly permissions: readonly string[];
}

/**
 * Lake Formation as declared by the template: the grants and the administrators. Lake Formation
 * is not IAM (its permissions are not policy documents), so a small evaluator stands in for it:
 * a principal holds a permission on a resource when a grant names that principal, resource and
 * permission (a table-wildcard grant covers every table of its database).
 */
export class LakeFormationModel {
  public readonly grants: LakeFormationGrant[];
  public readonly admins: readonly string[];

  constructor(model: TemplateModel) {
    this.grants = model.idsOf('AWS::LakeFormation::PrincipalPermissions').map((id) => {
      const p = model.properties(id);
      const r = p.Resource;
      const resource: LakeFormationGrant['resource'] = r.Database
        ? { kind: 'database' as const, database: r.Database.Name }
        : r.Table?.TableWildcard
          ? { kind: 'tables' as const, database: r.Table.DatabaseName }
          : r.Table
            ? {
                kind: 'table' as const,
                database: r.Table.DatabaseName,
                table: r.Table.Name,
                excludedColumns: [],
              }
            : r.TableWithColumns
              ? {
                  kind: 'table' as const,
                  database: r.TableWithColumns.DatabaseName,
                  table: r.TableWithColumns.Name,
                  excludedColumns: columnsLeftOut(id, r.TableWithColumns),
                }
              : { kind: 'location' as const, arn: r.DataLocation.ResourceArn };
      return { principal: p.Principal.DataLakePrincipalIdentifier, resource, permissions: p.Permissions };
    });
    this.admins = model
      .idsOf('AWS::LakeFormation::DataLakeSettings')
      .flatMap((id) => (model.properties(id).Admins ?? []).map((a: Json) => a.DataLakePrincipalIdentifier));
  }

  /** Whether `principal` holds `permission` on the database `database`. */
  public onDatabase(principal: string, database: string, permission: string): boolean {
    return this.has(principal, permission, (r) => r.kind === 'database' && r.database === database);
  }

  /** Whether `principal` holds `permission` on every table of `database`. */
  public onTables(principal: string, database: string, permission: string): boolean {
    return this.has(principal, permission, (r) => r.kind === 'tables' && r.database === database);
  }

  /** Whether `principal` holds `permission` on the table `table` of `database` (one grant or every table's). */
  public onTable(principal: string, database: string, table: string, permission: string): boolean {
    return (
      this.onTables(principal, database, permission) ||
      this.has(
        principal,
        permission,
        (r) => r.kind === 'table' && r.database === database && r.table === table,
      )
    );
  }

  /** Whether `principal` may SELECT `column` of the table: a grant on it that does not leave the column out. */
  public canSelectColumn(principal: string, database: string, table: string, column: string): boolean {
    return (
      this.onTables(principal, database, 'SELECT') ||
      this.has(
        principal,
        'SELECT',
        (r) =>
          r.kind === 'table' &&
          r.database === database &&
          r.table === table &&
          !r.excludedColumns.includes(column),
      )
    );
  }

  /** Every permission `principal` holds anywhere in the template. */
  public permissionsOf(principal: string): string[] {
    return this.grants.filter((g) => g.principal === principal).flatMap((g) => [...g.permissions]);
  }

  /** Whether `principal` may create tables pointing into the location `arn`. */
  public onLocation(principal: string, arn: string): boolean {
    return this.has(principal, 'DATA_LOCATION_ACCESS', (r) => r.kind === 'location' && r.arn === arn);
  }

  public isAdmin(principal: string): boolean {
    return this.admins.includes(principal);
  }

  private has(principal: string, permission: string, match: (r: LakeFormationGrant['resource']) => boolean) {
    return this.grants.some(
      (g) => g.principal === principal && match(g.resource) && g.permissions.includes(permission),
    );
  }
}

/** The columns a `TableWithColumns` resource leaves out; only the column-wildcard form is modelled. */
function columnsLeftOut(id: string, r: Json): string[] {
  if (!r.ColumnWildcard) {
    throw new Error(`Unexpected column-list grant ${id}: only ColumnWildcard is modelled`);
  }
  return r.ColumnWildcard.ExcludedColumnNames ?? [];
}
