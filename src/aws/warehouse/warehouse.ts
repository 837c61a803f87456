import { Stack } from 'aws-cdk-lib';
import type * as athena from 'aws-cdk-lib/aws-athena';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { WAREHOUSE_QUERY_PERMISSIONS } from './perms';
import {
  CommonDefaults,
  ErrorCode,
  findZone,
  isUnresolved,
  physicalName,
  resourceTags,
  TagRules,
  validateIntegerRange,
  validateName,
  validatePlatformName,
  ValidationError,
  type WarehouseCommonProps,
  WarehouseSize,
  ZoneDefaults,
} from '../../core/internal';
import type { ICatalog } from '../catalog/catalog';
import type { INetwork } from '../network/network';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import { athenaWorkGroup } from './private/athena-workgroup';
import { encryptedLogGroup, LOG_RETENTION_DAYS } from '../private/log-groups';
import { validateDataSubnets } from '../private/network-import';
import { assertNotPublic } from '../private/principals';
import { removalPolicyFor } from '../private/removal';
import { AwsNameRules } from '../private/service-names';
import { applyTags } from '../private/tags';
import type { IEncryptionKey } from '../security/encryption-key';
import { LakeStorage } from '../storage/lake-storage';

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
    const platform = validatePlatformName(this, props.platformName);
    const size = props.size ?? Warehouse.DEFAULT_SIZE;
    const readZones = props.readZones ?? Warehouse.DEFAULT_READ_ZONES;
    const adminUsername = props.adminUsername ?? Warehouse.DEFAULT_ADMIN_USERNAME;
    const auditRetention = props.auditLogRetentionDays ?? Warehouse.DEFAULT_AUDIT_LOG_RETENTION_DAYS;
    const scanLimitGib =
      props.athenaScanLimitPerQueryGib ?? Warehouse.DEFAULT_ATHENA_SCAN_LIMIT_PER_QUERY_GIB;
    const resultsRetention =
      props.queryResultsRetentionDays ?? Warehouse.DEFAULT_QUERY_RESULTS_RETENTION_DAYS;
    this.baseCapacityRpus = Warehouse.BASE_CAPACITY_RPUS[size];
    if (this.baseCapacityRpus === undefined) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'size',
        received: size,
        allowed: `one of ${Object.values(WarehouseSize).join(', ')}`,
      });
    }
    this.maxCapacityRpus =
      props.maxCapacityRpus ?? this.baseCapacityRpus * Warehouse.DEFAULT_MAX_CAPACITY_FACTOR;

    this.validateMaxCapacity();
    validateName(this, AwsNameRules.REDSHIFT_USER, 'adminUsername', adminUsername);
    this.validateRetention(auditRetention);
    this.validateLiteral('athenaScanLimitPerQueryGib', scanLimitGib);
    validateIntegerRange(
      this,
      'athenaScanLimitPerQueryGib',
      scanLimitGib,
      Warehouse.ATHENA_SCAN_LIMIT_PER_QUERY_GIB_RANGE,
    );
    validateIntegerRange(
      this,
      'queryResultsRetentionDays',
      resultsRetention,
      ZoneDefaults.LIFECYCLE_DAYS_RANGE,
    );
    readZones.forEach((zone, i) => findZone(this, props.catalog.lake.zones, zone, `readZones[${i}]`));
    const subnets = props.network.selectDataSubnets();
    validateDataSubnets(this, subnets, 'network');
    const accessLogsBucket = this.resolveAccessLogsBucket(props);
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const removalPolicy = removalPolicyFor(this, props.removalPolicy);
    this.encryptionKey = props.encryptionKey ?? props.catalog.encryptionKey;

    this.namespaceName = physicalName(this, AwsNameRules.REDSHIFT_SERVERLESS, {
      platform,
      parts: ['warehouse'],
    });
    this.workgroupName = this.namespaceName;
    this.athenaWorkGroupName = physicalName(this, AwsNameRules.ATHENA_WORKGROUP, {
      platform,
      parts: ['athena'],
    });

    // The role Redshift reads the lake with: only the read zones, only through the catalog.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('redshift.amazonaws.com'),
        new iam.ServicePrincipal('redshift-serverless.amazonaws.com'),
      ),
      description: `Redshift Serverless reads the ${platform} lake (${readZones.join(', ')}) through the catalog`,
    });
    const wildcards = readZones.flatMap(
      (zone) => props.catalog.grantRead(this.role, zone).wildcardResourceArns,
    );
    acknowledgeWildcards(this.role, wildcards, INHERENT_WILDCARD_REASONS.WAREHOUSE_ROLE);

    // Log groups first, so Redshift exports into encrypted, retained groups rather than creating its own.
    const auditLogGroups = {} as Record<WarehouseAuditLog, logs.LogGroup>;
    for (const log of Warehouse.AUDIT_LOGS) {
      auditLogGroups[log] = encryptedLogGroup(this, AUDIT_LOG_GROUP_IDS[log], {
        logGroupName: `/aws/redshift/${this.namespaceName}/${log}`,
        key: this.encryptionKey,
        retentionDays: auditRetention,
        removalPolicy,
      });
    }
    this.auditLogGroups = auditLogGroups;

    this.namespace = new redshift.CfnNamespace(this, 'Namespace', {
      namespaceName: this.namespaceName,
      kmsKeyId: this.encryptionKey.keyArn,
      adminUsername,
      manageAdminPassword: true,
      adminPasswordSecretKmsKeyId: this.encryptionKey.keyArn,
      defaultIamRoleArn: this.role.roleArn,
      iamRoles: [this.role.roleArn],
      logExports: [...Warehouse.AUDIT_LOGS],
    });
    this.namespace.applyRemovalPolicy(removalPolicy);
    for (const group of Object.values(auditLogGroups)) this.namespace.node.addDependency(group);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.network.vpc,
      description: `Redshift Serverless workgroup of the ${platform} warehouse`,
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(
      ec2.Peer.ipv4(props.network.vpcCidr),
      ec2.Port.tcp(Warehouse.PORT),
      'Redshift from the VPC',
    );
    // HTTPS out reaches only what the data subnets route to: the VPC's endpoints and the S3 gateway endpoint.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS service endpoints');

    this.workgroup = new redshift.CfnWorkgroup(this, 'Workgroup', {
      workgroupName: this.workgroupName,
      namespaceName: this.namespace.ref,
      baseCapacity: this.baseCapacityRpus,
      maxCapacity: this.maxCapacityRpus,
      enhancedVpcRouting: true,
      publiclyAccessible: false,
      subnetIds: subnets.subnetIds,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port: Warehouse.PORT,
      configParameters: [
        { parameterKey: 'require_ssl', parameterValue: 'true' },
        { parameterKey: 'enable_user_activity_logging', parameterValue: 'true' },
      ],
    });

    const athenaParts = athenaWorkGroup(this, {
      platform,
      workGroupName: this.athenaWorkGroupName,
      key: this.encryptionKey,
      removalPolicy,
      accessLogsBucket,
      resultsRetentionDays: resultsRetention,
      resultsNoncurrentVersionExpirationDays: Warehouse.QUERY_RESULTS_NONCURRENT_VERSION_EXPIRATION_DAYS,
      bytesScannedCutoffPerQuery: scanLimitGib * Warehouse.BYTES_PER_GIB,
    });
    this.queryResultsBucket = athenaParts.resultsBucket;
    this.athenaWorkGroup = athenaParts.workGroup;

    applyTags(this, tags);
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

  private validateMaxCapacity(): void {
    const max = this.maxCapacityRpus;
    if (isUnresolved(max)) return;
    const range = Warehouse.MAX_CAPACITY_RPUS_RANGE;
    const min = Math.max(this.baseCapacityRpus, range.min);
    if (!Number.isInteger(max) || max % 8 !== 0 || max < min || max > range.max) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'maxCapacityRpus',
        received: max,
        allowed: `a multiple of 8 from ${min} (${range.min}, and at least the base capacity ${this.baseCapacityRpus}) to ${range.max}`,
      });
    }
  }

  /** Rejects a token where the kit must compute with the value (Athena counts bytes, not GiB). */
  private validateLiteral(prop: string, value: number): void {
    if (!isUnresolved(value)) return;
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
      prop,
      received: value,
      allowed: 'a literal number known at synth time (the kit converts it to bytes)',
    });
  }

  private validateRetention(days: number): void {
    if (isUnresolved(days) || LOG_RETENTION_DAYS.includes(days)) return;
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
      prop: 'auditLogRetentionDays',
      received: days,
      allowed: `one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
    });
  }

  private resolveAccessLogsBucket(props: WarehouseProps): s3.IBucket {
    if (props.accessLogsBucket) return props.accessLogsBucket;
    if (props.catalog.lake instanceof LakeStorage) return props.catalog.lake.accessLogsBucket;
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
      prop: 'accessLogsBucket',
      received: undefined,
      allowed:
        "an SSE-S3 bucket, required when the catalog's lake is not a LakeStorage (its log bucket is the default)",
    });
  }
}
