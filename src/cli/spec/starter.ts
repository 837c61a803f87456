import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_FILES, SCHEMAS_DIR } from './schema';
import type { PatternName } from './spec-file';

/** The file `dpk init` writes when no `--out` is given, per pattern. */
export const STARTER_FILE_NAMES: Readonly<Record<PatternName, string>> = {
  lakehouse: 'lakehouse.yaml',
  mesh: 'mesh.yaml',
};

/** The installed kit's folder under a project's node_modules. */
const INSTALLED_SCHEMAS = path.join('node_modules', 'data-platform-kit', 'schemas');

/**
 * The schema a spec file written into `dir` should name, relative to `dir` (POSIX separators, as
 * the yaml-language-server reads them): the kit installed in the nearest node_modules at or above
 * `dir`, or else the schema of the kit that is running (a global or npx install).
 */
export function schemaReference(dir: string, pattern: PatternName): string {
  const file = SCHEMA_FILES[pattern];
  let schema = path.join(SCHEMAS_DIR, file);
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const installed = path.join(at, INSTALLED_SCHEMAS, file);
    if (fs.existsSync(installed)) {
      schema = installed;
      break;
    }
    if (path.dirname(at) === at) break;
  }
  return path.relative(path.resolve(dir), schema).split(path.sep).join('/');
}

/** The header every starter opens with: the schema line editors read, and what to run next. */
function header(schema: string, file: string, what: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# ${what}, declared once and rendered on AWS, GCP and Azure by data-platform-kit.
# Your editor completes and explains every field through the schema named on the first line
# (VS Code: the "YAML" extension by Red Hat; other editors: any client of yaml-language-server).
#
#   npx dpk validate ${file}                 check it: the schema and the kit's rules, with line:col
#   npx dpk synth ${file} --cloud aws        render it (AWS: CloudFormation; gcp, azure: Terraform JSON)
#   npx dpk check ${file}                    run the compliance packs on what it renders
#   npx dpk diagram ${file}                  draw it
#
# The first section is the cloud-neutral spec; the aws:, gcp: and azure: sections say only how it
# renders on each cloud. Values marked "placeholder" are yours to replace.
`;
}

const LAKEHOUSE_BODY = `
lakehouse:
  # Every physical name starts with it: 2-20 of a-z, 0-9 and '-'.
  platformName: sales
  # The lake's zones in flow order, landing first and consumer-facing last. A zone is a name,
  # or { name, coolAfterDays, noncurrentVersionExpirationDays, storageName }.
  zones:
    - { name: raw, coolAfterDays: 30 }
    - curated
    - serving
  # Who uses the lake. Without \`personas\`, the defaults apply: ingest writes raw, engineer reads
  # raw and read-writes the rest, analyst reads serving, admin manages everything.
  # \`additionalPersonas\` adds to them (access: read, write or read-write per zone).
  additionalPersonas:
    - name: auditor
      access: { curated: read, serving: read }
  # Event streams landing in a zone (raw unless \`zone\` says otherwise); retention 24-744 hours.
  streams:
    - name: clickstream
      retentionHours: 48
  # Scheduled pipelines: each step reads one zone and writes another. Each cloud needs the script
  # every step runs (\`stepScripts\` in its section below), so this one starts commented out.
  # pipelines:
  #   - name: daily-orders
  #     steps:
  #       - { name: clean, sourceZone: raw, targetZone: curated }
  #       - { name: publish, sourceZone: curated, targetZone: serving }
  #     schedule: { cron: '0 2 * * *', timeZone: Etc/UTC }
  # The warehouse: enabled by default; size small, medium or large.
  warehouse:
    size: small
  # Who hears about failed runs and alarms.
  alerts:
    emails: [data-platform@example.com] # placeholder
  # Data is retained when it leaves the stack; \`removalPolicy: destroy\` also needs the app's
  # data-platform-kit:removeDataOnDestroy flag.
  # removalPolicy: retain
  # Tags (labels on GCP) on every resource, on top of the kit's own.
  tags:
    team: sales-data

# How it renders on AWS: one CloudFormation stack (through the AWS CDK).
aws:
  # The stack's name (default: the platformName).
  stackName: sales-lakehouse
  # Where it deploys (default: the account and region \`cdk deploy\` runs with).
  # env: { account: '123456789012', region: eu-west-1 }
  # The PySpark file each pipeline step runs, relative to this file, keyed '<pipeline>/<step>'.
  # stepScripts:
  #   daily-orders/clean: jobs/clean_orders.py
  #   daily-orders/publish: jobs/publish_orders.py

# How it renders on GCP: one Terraform stack (through CDK for Terraform).
gcp:
  project: my-gcp-project # placeholder: your project id
  # Where the data lives: a region, or the multi-region EU, US or ASIA.
  location: europe-west1
  # stepScripts:
  #   daily-orders/clean: jobs/clean_orders.py
  #   daily-orders/publish: jobs/publish_orders.py

# How it renders on Azure: one Terraform stack (through CDK for Terraform).
azure:
  # The resource group everything deploys into (made by the stack unless \`create: false\`).
  resourceGroup:
    name: rg-sales-lakehouse # placeholder
    location: westeurope
  # How \`terraform apply\` reaches the Key Vault: from inside the lakehouse's network, or from
  # outside through its public egress ranges (keyVaultAllowedIpRanges: ['<your runner's IP>/32']).
  deployerInsideNetwork: true
  # The Synapse notebook each pipeline step runs, keyed '<pipeline>/<step>'.
  # stepScripts:
  #   daily-orders/clean: { notebook: clean_orders }
  #   daily-orders/publish: { notebook: publish_orders }
`;

const MESH_BODY = `
mesh:
  # The mesh's name: the governance's names start with it (2-20 of a-z, 0-9 and '-').
  name: acme
  # Light central governance: who administers the mesh, the classification levels (lowest first;
  # the default: public, internal, confidential, restricted) and tags every domain inherits.
  governance:
    admins: [data-governance@example.com] # placeholder
    tags:
      cost-center: data-mesh
  # The domains: teams that each own a lakehouse and publish data products.
  domains:
    - name: sales
      owner: sales-data@example.com # placeholder
      description: Orders and customers.
      # The domain's lakehouse, as a lakehouse spec without its name (default zones and personas).
      # lakehouse:
      #   streams: [{ name: clickstream }]
      products:
        # A data product: a table under a contract (Open Data Contract Standard field names).
        - name: orders
          version: 1.0.0
          description: Every confirmed order, one row per order.
          # Columns: a neutral type (string, boolean, int, bigint, double, decimal(p,s), date,
          # timestamp) and a classification (default: the lowest level). A consumer cleared below
          # a column's level does not see it on AWS and GCP, and cannot subscribe on Azure.
          schema:
            - { name: order_id, type: string, required: true }
            - { name: customer_id, type: string, classification: internal }
            - { name: amount, type: 'decimal(12,2)' }
            - { name: order_date, type: date }
          partitionColumns: [order_date]
          freshness: { maxAgeHours: 6 }
      # Other domains' approved access to this domain's products (reviewed in this, the producer's, file).
      subscriptions:
        - consumer: marketing
          product: orders
          approvedBy: sales-data@example.com # placeholder
          expires: '2030-12-31'
    - name: marketing
      owner: marketing-data@example.com # placeholder
      description: Campaigns and their reach.
      # The highest level the domain's personas may read (default: the second level, internal).
      clearance: internal
      products:
        - name: campaign_reach
          version: 1.0.0
          description: Reach of each campaign per day, derived from orders.
          schema:
            - { name: campaign_id, type: string, required: true }
            - { name: day, type: date }
            - { name: orders, type: bigint }
          inputs:
            - { domain: sales, product: orders }

# How it renders on AWS: one CloudFormation stack each for governance, and per domain its
# identities and its products.
aws:
  # Where the governance stack deploys, and each domain's (default: the deploying account and region).
  # governanceEnv: { account: '111111111111', region: eu-west-1 }
  # domainOptions:
  #   sales: { env: { account: '222222222222', region: eu-west-1 } }
  # The day subscriptions are checked against (default: today); fix it for a stable output.
  today: '2027-01-15'

# How it renders on GCP: Terraform stacks through CDK for Terraform.
gcp:
  governanceProject: my-governance-project # placeholder: your project id
  # Where every domain's data lives: a region, or EU or US.
  location: europe-west1
  # BigLake Iceberg tables take no partitioning yet: partitioned Iceberg products become
  # partitioned BigQuery tables (or set REJECT to be told instead).
  partitionedIcebergProducts: BIGQUERY_TABLE
  # domainOptions:
  #   marketing: { project: my-analytics-project }
  today: '2027-01-15'

# How it renders on Azure: Terraform stacks through CDK for Terraform, one landing zone per domain.
azure:
  location: westeurope
  # How \`terraform apply\` reaches the Key Vaults: from inside the mesh's network (the hub or a
  # network peered with it), or through public egress ranges (keyVaultAllowedIpRanges).
  deployerInsideNetwork: true
  # governanceSubscriptionId: 11111111-1111-4111-8111-111111111111
  # domainOptions:
  #   marketing: { subscriptionId: 22222222-2222-4222-8222-222222222222 }
  today: '2027-01-15'
`;

/**
 * The starter spec `dpk init` writes: a small, valid lakehouse or mesh with every part explained
 * in comments and all three cloud sections (placeholders marked), opening with the
 * `# yaml-language-server: $schema=` line that points at `schema`.
 */
export function starterSpec(pattern: PatternName, schema: string, file: string): string {
  return pattern === 'lakehouse'
    ? `${header(schema, file, 'A lakehouse')}${LAKEHOUSE_BODY}`
    : `${header(schema, file, 'A data mesh')}${MESH_BODY}`;
}
