import type { NameRule } from '../../core/naming';

const startsLetter = (n: string) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter');
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');

/**
 * Naming rules of the GCP resources the network, catalog and warehouse blocks make, in core's
 * `NameRule` shape so `physicalName` derives and validates them. Kept here until core's
 * `NameRules` holds them.
 */
export const GcpNameRules = {
  /**
   * Compute Engine resources (networks, subnetworks, firewall rules): RFC 1035, 1-63 of
   * a-z 0-9 '-', starting with a letter and not ending with '-'.
   * @see https://cloud.google.com/compute/docs/naming-resources#resource-name-format
   */
  COMPUTE: {
    target: 'Compute Engine resource name',
    minLength: 1,
    maxLength: 63,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum],
    allowed: "1-63 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'",
  },
  /**
   * BigQuery dataset id: 1-1024 of letters, digits and '_' (no '-').
   * @see https://cloud.google.com/bigquery/docs/datasets#dataset-naming
   */
  BIGQUERY_DATASET: {
    target: 'BigQuery dataset id',
    minLength: 1,
    maxLength: 1024,
    charset: /[a-zA-Z0-9_]/,
    separator: '_',
    extraChecks: [],
    allowed: "1-1024 characters of letters, digits and '_'",
  },
  /**
   * BigQuery connection id: the kit keeps to 1-64 of letters, digits and '_', a subset every
   * location accepts.
   * @see https://cloud.google.com/bigquery/docs/create-cloud-resource-connection
   */
  BIGQUERY_CONNECTION: {
    target: 'BigQuery connection id',
    minLength: 1,
    maxLength: 64,
    charset: /[a-zA-Z0-9_]/,
    separator: '_',
    extraChecks: [],
    allowed: "1-64 characters of letters, digits and '_'",
  },
  /**
   * BigQuery reservation: 1-64 of a-z 0-9 '-', starting with a letter, ending with a letter or digit.
   * @see https://cloud.google.com/bigquery/docs/reservations-tasks#create_a_reservation_with_dedicated_slots
   */
  BIGQUERY_RESERVATION: {
    target: 'BigQuery reservation name',
    minLength: 1,
    maxLength: 64,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum],
    allowed: "1-64 characters of a-z, 0-9 and '-', starting with a letter, ending with a letter or digit",
  },
  /**
   * Dataplex lake, zone or asset id: 1-63 of a-z 0-9 '-', starting with a letter, ending with a
   * letter or digit. Zone ids must be unique across every lake of the project.
   * @see https://cloud.google.com/dataplex/docs/create-lake
   */
  DATAPLEX: {
    target: 'Dataplex lake, zone or asset id',
    minLength: 1,
    maxLength: 63,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum],
    allowed: "1-63 characters of a-z, 0-9 and '-', starting with a letter, ending with a letter or digit",
  },
} satisfies Record<string, NameRule>;

/** `name` with '-' turned into '_', for names whose charset has no '-' (dataset and connection ids). */
export function underscored(name: string): string {
  return name.replace(/-/g, '_');
}
