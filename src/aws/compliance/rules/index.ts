// The kit's own AWS rules (DPK-AWS-*), one file each, grouped by service.
export { S3DataBucketKMSEncrypted } from './s3/data-bucket-kms-encrypted';
export { GlueCatalogEncrypted } from './glue/catalog-encrypted';
export { GlueConnectionPasswordEncrypted } from './glue/connection-password-encrypted';
export { GlueJobEncrypted } from './glue/job-encrypted';
export { AthenaWorkGroupEnforced } from './athena/work-group-enforced';
export { AthenaResultsKMSEncrypted } from './athena/results-kms-encrypted';
export { LakeFormationNoIAMAllowedPrincipals } from './lake-formation/no-iam-allowed-principals';
export { RedshiftServerlessWorkgroupNotPublic } from './redshift-serverless/workgroup-not-public';
export { RedshiftServerlessEnhancedVpcRouting } from './redshift-serverless/enhanced-vpc-routing';
export { RedshiftServerlessNamespaceKMS } from './redshift-serverless/namespace-kms';
export { FirehoseS3DestinationKMS } from './firehose/s3-destination-kms';
export { KinesisStreamKMSEncrypted } from './kinesis/stream-kms-encrypted';
export { StepFunctionsStateMachineKMS } from './step-functions/state-machine-kms';
export { StepFunctionsStateMachineLogged } from './step-functions/state-machine-logged';
export { SchedulerScheduleKMS } from './scheduler/schedule-kms';
