import { Stack } from 'aws-cdk-lib';
import type * as athena from 'aws-cdk-lib/aws-athena';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { WAREHOUSE_QUERY_PERMISSIONS } from './perms';
import { CommonDefaults, type WarehouseCommonProps, WarehouseSize } from '../../core/internal';
import type { ICatalog } from '../catalog/catalog';
import type { INetwork } from '../network/network';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import { athenaWorkGroup } from './private/athena-workgroup';
import { resolveWarehouseSettings, type WarehouseSettings } from './private/warehouse-settings';
import { encryptedLogGroup } from '../private/log-groups';
import { assertNotPublic } from '../private/principals';
import { applyTags } from '../private/tags';
import type { IEncryptionKey } from '../security/encryption-key';

/** Redshift Serverless audit logs the namespace exports to CloudWatch Logs. */
export enum WarehouseAuditLog {
  /** Authentication attempts, connections and disconnections. */
  CONNECTION = 'connectionlog',
  /** Changes to database users. */
  USER = 'userlog',
  /** Every query before it runs. */
  USER_ACTIVITY = 'useractivitylog',
}

/** Construct ids of the audit log groups: stable literals. */
const AUDIT_LOG_GROUP_IDS: Readonly<Record<WarehouseAuditLog, string>> = {
  [WarehouseAuditLog.CONNECTION]: 'ConnectionLogGroup',
  [WarehouseAuditLog.USER]: 'UserLogGroup',
  [WarehouseAuditLog.USER_ACTIVITY]: 'UserActivityLogGroup',
};

/** Props of the AWS {@link Warehouse}. */
export interface WarehouseProps extends WarehouseCommonProps {
  /** The private network the workgroup runs in (subnets in at least three Availability Zones). */
  readonly network: INetwork;
  /** The catalog the warehouse reads the lake through. */
  readonly catalog: ICatalog;
  /**
   * The key the namespace, its admin secret, its audit logs and the query results are encrypted with.
   * @default - the catalog's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Zones the warehouse's default IAM role reads through the catalog (Redshift Spectrum).
   * @default ['serving']
   */
  readonly readZones?: readonly string[];
  /**
   * Most RPUs the workgroup may scale to: the cost cap on compute (a multiple of 8, at least
   * 32 and the size's base capacity, at most 5632).
   * @default - four times the size's base capacity (32, 128 or 512)
   */
  readonly maxCapacityRpus?: number;
  /**
   * The namespace's admin user; its password is generated and kept by Secrets Manager.
   * @default 'warehouse_admin'
   */
  readonly adminUsername?: string;
  /**
   * Days the audit logs are kept in CloudWatch Logs; a retention period CloudWatch Logs accepts.
   * @default 365
   */
  readonly auditLogRetentionDays?: number;
  /**
   * Most data one Athena query may scan, in GiB, before Athena cancels it (1-1048576).
   * @default 1024
   */
  readonly athenaScanLimitPerQueryGib?: number;
  /**
   * Days query results are kept before they expire (1-36500).
   * @default 30
   */
  readonly queryResultsRetentionDays?: number;
  /**
   * SSE-S3 bucket receiving the query-results bucket's server access logs, under `athena-results/`.
   * @default - the lake's access-log bucket (the catalog's lake must then be a `LakeStorage`)
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/** Options of {@link Warehouse.grantQuery}. */
export interface WarehouseQueryOptions {
  /**
   * Whether the principal also gets Redshift Serverless credentials (query through Redshift,
   * not only Athena). Grant it where the warehouse's role reads a zone the principal queries.
   * @default true
   */
  readonly redshift?: boolean;
}

/** A warehouse that principals can be allowed to query. */
export interface IWarehouse extends IConstruct {
  /** The Redshift Serverless namespace name. */
  readonly namespaceName: string;
  /** The Redshift Serverless workgroup name. */
  readonly workgroupName: string;
  /** The Athena workgroup name. */
  readonly athenaWorkGroupName: string;
  /** Lets `principal` run queries in the Redshift and Athena workgroups and read its results. */
  grantQuery(principal: iam.IGrantable, options?: WarehouseQueryOptions): iam.Grant;
}

/**
 * A serverless warehouse over the lake on AWS: a Redshift Serverless namespace and workgroup,
 * and an Athena workgroup, both reading the lake through the {@link Catalog}.
 *
 * Secure defaults: the namespace encrypted with the kit's key; its admin password generated and
 * kept in Secrets Manager by Redshift (`ManageAdminPassword`, never in the template), encrypted
 * with the same key; connection, user and user-activity audit logs exported to CloudWatch log groups the kit creates first
 * (encrypted with the key, with retention, retained), and a default IAM role that reads the
 * `readZones` through the catalog (Lake Formation grants, or IAM). The workgroup runs in the
 * network's data subnets (three Availability Zones, checked), is never publicly accessible, uses
 * enhanced VPC routing, requires TLS and logs user activity; its security group admits the
 * Redshift port from the VPC's range only. Compute is capped by `MaxCapacity`. The Athena
 * workgroup enforces its configuration, writes SSE-KMS results to a kit-hardened results bucket
 * (retained, expiring results) and cancels queries that scan more than the limit. The namespace,
 * log groups, results bucket and Athena workgroup are retained.
 *
 * Cost cap: Redshift Serverless usage limits (RPU-hours per period) have no CloudFormation
 * resource in aws-cdk-lib 2.276 (no `AWS::RedshiftServerless::UsageLimit`); the kit caps the
 * workgroup's RPUs (`maxCapacityRpus`) and Athena's scan per query instead. Add an RPU-hours
 * limit with the console or `aws redshift-serverless create-usage-limit` if you need one.
 *
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-capacity.html
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-audit-logging.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html
 * @example
 * const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', network, catalog });
 * warehouse.grantQuery(analystRole);
 */
export class Warehouse extends Construct implements IWarehouse {
  /** Capacity class when none is given. */
  public static readonly DEFAULT_SIZE: WarehouseSize = CommonDefaults.WAREHOUSE_SIZE;
  /** Base RPUs of each size. */
  public static readonly BASE_CAPACITY_RPUS: Readonly<Record<WarehouseSize, number>> = {
    [WarehouseSize.SMALL]: 8,
    [WarehouseSize.MEDIUM]: 32,
    [WarehouseSize.LARGE]: 128,
  };
  /** Default max capacity as a multiple of the base capacity. */
  public static readonly DEFAULT_MAX_CAPACITY_FACTOR = 4;
  /**
   * Max capacity (`maxCapacityRpus`), in RPUs: 32 (the smallest the Redshift console offers) to
   * 5632, in steps of 8 and never below the size's base capacity.
   */
  public static readonly MAX_CAPACITY_RPUS_RANGE = { min: 32, max: 5632 } as const;
  /** Zones the default role reads when none are given. */
  public static readonly DEFAULT_READ_ZONES: readonly string[] = ['serving'];
  /** Admin user when none is given. */
  public static readonly DEFAULT_ADMIN_USERNAME = 'warehouse_admin';
  /** Days audit logs are kept when none is given. */
  public static readonly DEFAULT_AUDIT_LOG_RETENTION_DAYS: number = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Athena scan limit per query when none is given, in GiB. */
  public static readonly DEFAULT_ATHENA_SCAN_LIMIT_PER_QUERY_GIB = 1024;
  /** Athena scan limit per query, in GiB: 1 to 1048576 (1 PiB), kit policy. */
  public static readonly ATHENA_SCAN_LIMIT_PER_QUERY_GIB_RANGE = { min: 1, max: 1048576 } as const;
  /** Bytes in a GiB, for Athena's byte-denominated scan limit. */
  public static readonly BYTES_PER_GIB = 1024 ** 3;
  /** Days query results are kept when none is given. */
  public static readonly DEFAULT_QUERY_RESULTS_RETENTION_DAYS = 30;
  /** Days noncurrent (overwritten or expired) result versions are kept. */
  public static readonly QUERY_RESULTS_NONCURRENT_VERSION_EXPIRATION_DAYS = 7;
  /** Audit logs the namespace exports, all of them. */
  public static readonly AUDIT_LOGS: readonly WarehouseAuditLog[] = [
    WarehouseAuditLog.CONNECTION,
    WarehouseAuditLog.USER,
    WarehouseAuditLog.USER_ACTIVITY,
  ];
  /** The Redshift port the security group admits from the VPC. */
  public static readonly PORT = 5439;

  /** The Redshift Serverless namespace name (`<platform>-warehouse-<hash>`). */
  public readonly namespaceName: string;
  /** The Redshift Serverless workgroup name (the namespace's). */
  public readonly workgroupName: string;
  /** The Athena workgroup name (`<platform>-athena-<hash>`). */
  public readonly athenaWorkGroupName: string;
  /** Base capacity in RPUs, from the size. */
  public readonly baseCapacityRpus: number;
  /** Max capacity in RPUs (the cost cap). */
  public readonly maxCapacityRpus: number;
  /** The key everything the warehouse stores is encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** The Redshift Serverless namespace (escape hatch). */
  public readonly namespace: redshift.CfnNamespace;
  /** The Redshift Serverless workgroup (escape hatch). */
  public readonly workgroup: redshift.CfnWorkgroup;
  /** The namespace's default IAM role, which reads `readZones` through the catalog. */
  public readonly role: iam.Role;
  /** The workgroup's security group. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The audit log groups, by log type. */
  public readonly auditLogGroups: Readonly<Record<WarehouseAuditLog, logs.LogGroup>>;
  /** The Athena workgroup (escape hatch). */
  public readonly athenaWorkGroup: athena.CfnWorkGroup;
  /** The bucket Athena writes query results to. */
  public readonly queryResultsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: WarehouseProps) {
    super(scope, id);
    const settings = resolveWarehouseSettings(this, props);
    this.baseCapacityRpus = settings.baseCapacityRpus;
    this.maxCapacityRpus = settings.maxCapacityRpus;
    this.encryptionKey = settings.encryptionKey;
    this.namespaceName = settings.namespaceName;
    this.workgroupName = this.namespaceName;
    this.athenaWorkGroupName = settings.athenaWorkGroupName;

    this.role = this.createRole(props, settings);
    this.auditLogGroups = this.createAuditLogGroups(settings);
    this.namespace = this.createNamespace(settings);
    this.securityGroup = this.createSecurityGroup(props, settings);
    this.workgroup = this.createWorkgroup(settings);
    const athenaParts = this.createAthena(settings);
    this.queryResultsBucket = athenaParts.resultsBucket;
    this.athenaWorkGroup = athenaParts.workGroup;
    applyTags(this, settings.tags);
  }

  /**
   * Lets `principal` run queries: Athena in the warehouse's workgroup (reading and writing its
   * results, encrypted with the key) and Redshift through temporary IAM credentials
   * (`WAREHOUSE_QUERY_PERMISSIONS`). Which tables it may read is a catalog grant. Throws
   * `DPK_INVALID_PRINCIPAL` for everyone (`*`).
   */
  public grantQuery(principal: iam.IGrantable, options: WarehouseQueryOptions = {}): iam.Grant {
    assertNotPublic(this, principal);
    const perms = WAREHOUSE_QUERY_PERMISSIONS;
    const stack = Stack.of(this);
    const onAthena = iam.Grant.addToPrincipal({
      grantee: principal,
      actions: [...perms.athenaActions],
      resourceArns: [
        stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: this.athenaWorkGroupName }),
      ],
    });
    const onRedshift =
      (options.redshift ?? true)
        ? iam.Grant.addToPrincipal({
            grantee: principal,
            actions: [...perms.redshiftActions],
            resourceArns: [this.workgroup.attrWorkgroupWorkgroupArn],
          })
        : onAthena;
    const onBucket = iam.Grant.addToPrincipalOrResource({
      grantee: principal,
      actions: [...perms.resultsBucketActions],
      resourceArns: [this.queryResultsBucket.bucketArn],
      resource: this.queryResultsBucket,
    });
    const onObjects = iam.Grant.addToPrincipalOrResource({
      grantee: principal,
      actions: [...perms.resultsObjectActions],
      resourceArns: [this.queryResultsBucket.arnForObjects('*')],
      resource: this.queryResultsBucket,
    });
    const onKey = this.encryptionKey.key.grant(principal, ...perms.keyActions);
    return onAthena.combine(onRedshift).combine(onBucket).combine(onObjects).combine(onKey);
  }

  /** The role Redshift reads the lake with: only the read zones, only through the catalog. */
  private createRole(props: WarehouseProps, settings: WarehouseSettings): iam.Role {
    const { readZones } = settings;
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('redshift.amazonaws.com'),
        new iam.ServicePrincipal('redshift-serverless.amazonaws.com'),
      ),
      description: `Redshift Serverless reads the ${settings.platform} lake (${readZones.join(', ')}) through the catalog`,
    });
    const wildcards = readZones.flatMap((zone) => props.catalog.grantRead(role, zone).wildcardResourceArns);
    acknowledgeWildcards(role, wildcards, INHERENT_WILDCARD_REASONS.WAREHOUSE_ROLE);
    return role;
  }

  /** The audit log groups, made first so Redshift exports into encrypted, retained groups rather than its own. */
  private createAuditLogGroups(settings: WarehouseSettings): Record<WarehouseAuditLog, logs.LogGroup> {
    const groups = {} as Record<WarehouseAuditLog, logs.LogGroup>;
    for (const log of Warehouse.AUDIT_LOGS) {
      groups[log] = encryptedLogGroup(this, AUDIT_LOG_GROUP_IDS[log], {
        logGroupName: `/aws/redshift/${this.namespaceName}/${log}`,
        key: this.encryptionKey,
        retentionDays: settings.auditLogRetentionDays,
        removalPolicy: settings.removalPolicy,
      });
    }
    return groups;
  }

  /** The encrypted namespace, its admin password kept by Secrets Manager, after its log groups. */
  private createNamespace(settings: WarehouseSettings): redshift.CfnNamespace {
    const namespace = new redshift.CfnNamespace(this, 'Namespace', {
      namespaceName: this.namespaceName,
      kmsKeyId: this.encryptionKey.keyArn,
      adminUsername: settings.adminUsername,
      manageAdminPassword: true,
      adminPasswordSecretKmsKeyId: this.encryptionKey.keyArn,
      defaultIamRoleArn: this.role.roleArn,
      iamRoles: [this.role.roleArn],
      logExports: [...Warehouse.AUDIT_LOGS],
    });
    namespace.applyRemovalPolicy(settings.removalPolicy);
    for (const group of Object.values(this.auditLogGroups)) namespace.node.addDependency(group);
    return namespace;
  }

  /** The workgroup's security group: Redshift in from the VPC's range, HTTPS out. */
  private createSecurityGroup(props: WarehouseProps, settings: WarehouseSettings): ec2.SecurityGroup {
    const group = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `Redshift Serverless workgroup of the ${settings.platform} warehouse`,
      allowAllOutbound: false,
    });
    group.addIngressRule(
      ec2.Peer.ipv4(props.network.vpcCidr),
      ec2.Port.tcp(Warehouse.PORT),
      'Redshift from the VPC',
    );
    // HTTPS out reaches only what the data subnets route to: the VPC's endpoints and the S3 gateway endpoint.
    group.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS service endpoints');
    return group;
  }

  /** The private workgroup in the data subnets: TLS required, user activity logged, capacity capped. */
  private createWorkgroup(settings: WarehouseSettings): redshift.CfnWorkgroup {
    return new redshift.CfnWorkgroup(this, 'Workgroup', {
      workgroupName: this.workgroupName,
      namespaceName: this.namespace.ref,
      baseCapacity: this.baseCapacityRpus,
      maxCapacity: this.maxCapacityRpus,
      enhancedVpcRouting: true,
      publiclyAccessible: false,
      subnetIds: settings.subnets.subnetIds,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port: Warehouse.PORT,
      configParameters: [
        { parameterKey: 'require_ssl', parameterValue: 'true' },
        { parameterKey: 'enable_user_activity_logging', parameterValue: 'true' },
      ],
    });
  }

  /** The Athena workgroup and its results bucket. */
  private createAthena(settings: WarehouseSettings): ReturnType<typeof athenaWorkGroup> {
    return athenaWorkGroup(this, {
      platform: settings.platform,
      workGroupName: this.athenaWorkGroupName,
      resultsBucketName: settings.queryResultsBucketName,
      key: this.encryptionKey,
      removalPolicy: settings.removalPolicy,
      accessLogsBucket: settings.accessLogsBucket,
      resultsRetentionDays: settings.queryResultsRetentionDays,
      resultsNoncurrentVersionExpirationDays: Warehouse.QUERY_RESULTS_NONCURRENT_VERSION_EXPIRATION_DAYS,
      bytesScannedCutoffPerQuery: settings.scanLimitGib * Warehouse.BYTES_PER_GIB,
    });
  }
}
