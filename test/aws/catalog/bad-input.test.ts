import { App, CfnParameter, CliCredentialsStackSynthesizer, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Catalog, CatalogPermissionModel, type CatalogProps, LakeStorage } from '../../../src/aws';
import { ErrorCode, ZoneAccess } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';

/**
 * Every way Catalog rejects input, in one table (ErrorCode and prop per row; a token where the
 * prop takes one must be skipped). Grants take a zone and an intent, never actions or `ALL`, so a
 * wildcard permission cannot be asked for; the principal must be an IAM role or user of the
 * account, never everyone.
 */
type Row = BadInputRow<Stack> & { readonly prop: string };

const catalog = (stack: Stack, props: Partial<CatalogProps> = {}) =>
  new Catalog(stack, 'Catalog', {
    platformName: 'sales',
    lake: new LakeStorage(stack, 'Lake', { platformName: 'sales' }),
    ...props,
  });
const role = (stack: Stack) => new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
const stringToken = (stack: Stack) => new CfnParameter(stack, 'Param').valueAsString;
const cliStack = () =>
  new Stack(new App(), 'Cli', {
    env: { account: '111122223333', region: 'eu-west-1' },
    synthesizer: new CliCredentialsStackSynthesizer(),
  });

const NOT_IAM_IDENTITIES: [string, () => iam.IGrantable][] = [
  ['everyone', () => new iam.AnyPrincipal()],
  ["everyone as ArnPrincipal('*')", () => new iam.ArnPrincipal('*')],
  ['a service principal', () => new iam.ServicePrincipal('glue.amazonaws.com')],
  ['another account', () => new iam.AccountPrincipal('444455556666')],
  ['an organization', () => new iam.OrganizationPrincipal('o-abc123def45')],
];

const ROWS: Row[] = [
  ...['Sales', 's', 'sales__x'].map((name): Row => ({
    description: `platformName ${JSON.stringify(name)}`,
    build: (s) => catalog(s, { platformName: name }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  ...['Sales', 'sales-raw', '9raw', '', 'a'.repeat(256)].map((name): Row => ({
    description: `databaseNames.raw ${JSON.stringify(name.slice(0, 20))}`,
    build: (s) => catalog(s, { databaseNames: { raw: name } }),
    code: ErrorCode.INVALID_NAME,
    prop: 'databaseNames.raw',
    withToken: (s) => catalog(s, { databaseNames: { raw: stringToken(s) } }),
  })),
  {
    description: 'databaseNames for a zone the lake does not have',
    build: (s) => catalog(s, { databaseNames: { gold: 'gold' } }),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'databaseNames.gold',
  },
  {
    description: 'two zones with one database name',
    build: (s) => catalog(s, { databaseNames: { raw: 'same', serving: 'same' } }),
    code: ErrorCode.INVALID_NAME,
    prop: 'databaseNames.serving',
  },
  ...(['admins', 'deploymentRole'] as const).map((prop): Row => ({
    description: `${prop} with the IAM permission model`,
    build: (s) => {
      const r = iam.Role.fromRoleArn(s, 'R', 'arn:aws:iam::111122223333:role/r');
      return catalog(s, {
        permissionModel: CatalogPermissionModel.IAM,
        ...(prop === 'admins' ? { admins: [r] } : { deploymentRole: r }),
      });
    },
    code: ErrorCode.CONFLICTING_PROPS,
    prop,
  })),
  {
    description: 'no deploymentRole with a synthesizer that has no CloudFormation execution role',
    build: () => catalog(cliStack()),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'deploymentRole',
  },
  {
    description: 'tags with the reserved aws: prefix',
    build: (s) => catalog(s, { tags: { 'aws:x': 'y' } }),
    code: ErrorCode.INVALID_TAGS,
    prop: 'tags key',
  },
  ...['gold', '*', ''].map((zone): Row => ({
    description: `a grant on zone ${JSON.stringify(zone)}`,
    build: (s) => catalog(s).grantRead(role(s), zone),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'zone',
  })),
  ...NOT_IAM_IDENTITIES.flatMap(([what, principal]) =>
    Object.values(ZoneAccess).map((access): Row => ({
      description: `a ${access} grant to ${what}`,
      build: (s) => catalog(s).grant(principal(), 'serving', access),
      code: ErrorCode.INVALID_PRINCIPAL,
      prop: 'principal',
    })),
  ),
];

describeBadInput('AWS Catalog bad input', ROWS, {
  newStack: () => newAwsStack(),
  synth: (stack) => Template.fromStack(stack),
  codes: {
    title: 'the table covers every code Catalog can raise from input',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.CONFLICTING_PROPS,
      ErrorCode.INVALID_PRINCIPAL,
      ErrorCode.INVALID_TAGS,
    ],
  },
});
