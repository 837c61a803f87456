import type { NameRule } from '../../core/internal';

const startsLetter = (n: string) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter');
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');
const noDoubleHyphen = (n: string) => (n.includes('--') ? "not contain '--'" : undefined);

/**
 * Naming rules of the AWS warehouse, catalog and network resources (core's `NameRules` holds
 * the cross-cloud ones). Each lists the limits its service documents.
 */
export const AwsNameRules = {
  /**
   * Glue database: lowercase letters, digits and '_' (what Athena and Redshift Spectrum accept
   * unquoted), starting with a letter, at most 255.
   * @see https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html
   */
  GLUE_DATABASE: {
    target: 'Glue database name',
    minLength: 1,
    maxLength: 255,
    charset: /[a-z0-9_]/,
    separator: '_',
    extraChecks: [startsLetter],
    allowed: "1-255 characters of a-z, 0-9 and '_', starting with a letter",
  },
  /**
   * Redshift Serverless namespace or workgroup: 3-64 of a-z, 0-9 and '-'.
   * @see https://docs.aws.amazon.com/redshift-serverless/latest/APIReference/API_CreateNamespace.html
   */
  REDSHIFT_SERVERLESS: {
    target: 'Redshift Serverless namespace or workgroup name',
    minLength: 3,
    maxLength: 64,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum, noDoubleHyphen],
    allowed:
      "3-64 characters of a-z, 0-9 and '-', starting with a letter, ending with a letter or digit, without '--'",
  },
  /**
   * Redshift admin user name: 1-128 of letters, digits and '_', starting with a letter.
   * @see https://docs.aws.amazon.com/redshift/latest/dg/r_names.html
   */
  REDSHIFT_USER: {
    target: 'Redshift admin user name',
    minLength: 1,
    maxLength: 128,
    charset: /[a-zA-Z0-9_]/,
    separator: '_',
    extraChecks: [startsLetter],
    allowed: "1-128 characters of letters, digits and '_', starting with a letter",
  },
  /**
   * Athena workgroup: 1-128 of letters, digits, '.', '_' and '-'.
   * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_CreateWorkGroup.html
   */
  ATHENA_WORKGROUP: {
    target: 'Athena workgroup name',
    minLength: 1,
    maxLength: 128,
    charset: /[a-zA-Z0-9._-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-128 characters of letters, digits, '.', '_' and '-'",
  },
} satisfies Record<string, NameRule>;
