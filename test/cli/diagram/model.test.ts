import * as path from 'node:path';
import { SALES_LAKEHOUSE } from '../../../examples/lakehouse-spec';
import { diagramOfSpecFile } from '../../../src/cli/diagram/build';
import { dotString, renderDot } from '../../../src/cli/diagram/dot';
import { escapeMermaid, renderMermaid } from '../../../src/cli/diagram/mermaid';
import type { DiagramModel } from '../../../src/cli/diagram/model';
import { CLOUD_SERVICES, NEUTRAL_SERVICES } from '../../../src/cli/diagram/services';
import { loadSpecFile } from '../../../src/cli/spec/load';
import type { SpecFile } from '../../../src/cli/spec/spec-file';
import { ZoneAccess } from '../../../src/core/blocks';
import type { DataMeshSpec } from '../../../src/patterns';
import { withSubscriptions } from '../../helpers/mesh-variants';

const ROOT = path.resolve(__dirname, '../../..');

/** The label of a node as one string, lines joined by ' | '. */
const labelOf = (model: DiagramModel, id: string) => model.nodes.find((n) => n.id === id)?.lines.join(' | ');
/** The edges as `from -kind-> to [label]`, for readable assertions. */
const edgesOf = (model: DiagramModel) =>
  model.edges.map(
    (e) =>
      `${e.from} -${e.kind}-> ${e.to}${e.label === undefined ? '' : ` [${e.label.replace(/\n/g, ' / ')}]`}`,
  );

let lakehouseFile: SpecFile;
let meshFile: SpecFile;
beforeAll(async () => {
  lakehouseFile = await loadSpecFile(path.join(ROOT, 'examples/specs/lakehouse.yaml'));
  meshFile = await loadSpecFile(path.join(ROOT, 'examples/specs/mesh.yaml'));
});

describe('lakehouse model', () => {
  test('GIVEN the sales lakehouse WHEN drawn on AWS THEN every zone, persona access, stream, step and the catalog are there', () => {
    const model = diagramOfSpecFile(lakehouseFile, 'aws');
    expect(model.title).toBe('lakehouse sales on AWS');
    expect(labelOf(model, 'zone_raw')).toBe('raw | S3 bucket | cool after 30 d');
    expect(labelOf(model, 'zone_curated')).toBe('curated | S3 bucket | cool after 90 d');
    expect(labelOf(model, 'zone_serving')).toBe('serving | S3 bucket | stays hot');
    expect(labelOf(model, 'persona_admin')).toBe('admin | IAM role | admin: read-write on every zone');
    expect(labelOf(model, 'stream_clickstream')).toBe(
      'clickstream | Kinesis Data Streams + Firehose | keeps 48 h',
    );
    expect(labelOf(model, 'catalog')).toBe(
      'catalog | Glue Data Catalog + Lake Formation | a database per zone',
    );
    expect(labelOf(model, 'warehouse')).toBe('warehouse | Redshift Serverless | small');
    expect(edgesOf(model)).toEqual([
      'persona_ingest -write-> zone_raw [write]',
      'zone_raw -read-> persona_engineer [read]',
      'persona_engineer -readWrite-> zone_curated [read-write]',
      'persona_engineer -readWrite-> zone_serving [read-write]',
      'zone_serving -read-> persona_analyst [read]',
      'zone_curated -read-> persona_auditor [read]',
      'zone_serving -read-> persona_auditor [read]',
      'stream_clickstream -lands-> zone_raw [lands in]',
      'zone_raw -stepRead-> step_daily_orders_clean [reads]',
      'step_daily_orders_clean -stepWrite-> zone_curated [writes]',
      'zone_curated -stepRead-> step_daily_orders_publish [reads]',
      'step_daily_orders_publish -stepWrite-> zone_serving [writes]',
      'step_daily_orders_clean -then-> step_daily_orders_publish [then]',
      'zone_raw -catalogs-> catalog',
      'zone_curated -catalogs-> catalog',
      'zone_serving -catalogs-> catalog',
      'catalog -queries-> warehouse [queried by]',
    ]);
    expect(model.clusters).toEqual([
      {
        id: 'pipeline_daily_orders',
        label: 'pipeline daily-orders · 0 2 * * * Etc/UTC · Step Functions + EventBridge Scheduler',
        nodes: ['step_daily_orders_clean', 'step_daily_orders_publish'],
        clusters: [],
      },
    ]);
  });

  test.each(['aws', 'gcp', 'azure'] as const)(
    "GIVEN --cloud %s THEN the nodes name that cloud's services",
    (cloud) => {
      const model = diagramOfSpecFile(lakehouseFile, cloud);
      const s = CLOUD_SERVICES[cloud];
      expect(labelOf(model, 'zone_raw')).toContain(s.zone);
      expect(labelOf(model, 'stream_clickstream')).toContain(s.stream);
      expect(labelOf(model, 'step_daily_orders_clean')).toContain(s.step);
      expect(labelOf(model, 'catalog')).toContain(s.catalog);
      expect(labelOf(model, 'warehouse')).toContain(s.warehouse);
      expect(model.clusters[0].label).toContain(s.orchestrator);
    },
  );

  test('GIVEN no cloud THEN the labels are neutral', () => {
    const model = diagramOfSpecFile(lakehouseFile);
    expect(model.title).toBe('lakehouse sales');
    expect(labelOf(model, 'zone_raw')).toBe(`raw | ${NEUTRAL_SERVICES.zone} | cool after 30 d`);
    expect(JSON.stringify(model)).not.toMatch(/S3|Kinesis|Glue|Pub\/Sub|Synapse|Event Hubs/);
  });

  test('GIVEN a disabled warehouse and default personas THEN no warehouse node and the default access', () => {
    const file: SpecFile = {
      pattern: 'lakehouse',
      path: '/specs/small.yaml',
      spec: { platformName: 'small', warehouse: { enabled: false } },
      clouds: {},
    };
    const model = diagramOfSpecFile(file);
    expect(model.nodes.map((n) => n.id)).not.toContain('warehouse');
    expect(edgesOf(model).filter((e) => e.includes('persona_'))).toEqual([
      'persona_ingest -write-> zone_raw [write]',
      'zone_raw -read-> persona_engineer [read]',
      'persona_engineer -readWrite-> zone_curated [read-write]',
      'persona_engineer -readWrite-> zone_serving [read-write]',
      'zone_serving -read-> persona_analyst [read]',
    ]);
  });
});

describe('mesh model', () => {
  test('GIVEN the ACME mesh WHEN drawn THEN every domain, product, lineage edge and subscription is there', () => {
    const model = diagramOfSpecFile(meshFile, 'gcp');
    expect(model.title).toBe('data mesh acme on Google Cloud');
    expect(model.clusters.map((c) => [c.label, c.nodes])).toEqual([
      [
        'domain sales · clearance internal',
        ['product_sales_orders', 'product_sales_customers', 'product_sales_order_lines'],
      ],
      [
        'domain marketing · clearance internal',
        ['product_marketing_campaigns', 'product_marketing_attribution'],
      ],
      ['domain finance · clearance restricted', ['product_finance_revenue_daily']],
    ]);
    expect(labelOf(model, 'product_sales_orders')).toBe(
      'orders | v1.2.0 | confidential · iceberg | BigQuery table',
    );
    expect(labelOf(model, 'product_sales_customers')).toBe(
      'customers | v2.0.0 | restricted · iceberg | BigQuery table',
    );
    expect(labelOf(model, 'product_marketing_campaigns')).toBe(
      'campaigns | v1.0.0 | public · parquet | BigQuery table',
    );
    expect(labelOf(model, 'governance')).toBe(
      'governance | Data Catalog policy tags + contract bucket | levels: public < internal < confidential < restricted',
    );
    expect(edgesOf(model)).toEqual([
      'product_sales_orders -lineage-> product_sales_order_lines [input of]',
      'product_sales_order_lines -lineage-> product_marketing_attribution [input of]',
      'product_marketing_campaigns -lineage-> product_marketing_attribution [input of]',
      'product_sales_orders -lineage-> product_finance_revenue_daily [input of]',
      'product_sales_order_lines -subscription-> consumers_marketing [analyst, engineer read]',
      'product_sales_orders -subscription-> consumers_finance [analyst, engineer read]',
      'product_sales_customers -subscription-> consumers_finance [analyst read / until 2027-12-31]',
      'product_marketing_campaigns -subscription-> consumers_sales [analyst, engineer read]',
    ]);
  });

  test('GIVEN a consumer cleared below a column WHEN drawn THEN the subscription names the hidden column; expired ones are dashed', () => {
    const spec = withSubscriptions('sales', [
      {
        consumer: 'marketing',
        product: 'orders',
        personas: ['analyst'],
        approvedBy: 'sales-data@example.com',
      },
      {
        consumer: 'finance',
        product: 'order_lines',
        approvedBy: 'sales-data@example.com',
        expires: '2026-01-31',
      },
    ]);
    const file: SpecFile = {
      pattern: 'mesh',
      path: '/specs/mesh.yaml',
      spec,
      clouds: { aws: { today: '2027-01-15' } },
    };
    const edges = edgesOf(diagramOfSpecFile(file, 'aws'));
    expect(edges).toContain(
      'product_sales_orders -subscription-> consumers_marketing [analyst read / hidden: customer_email]',
    );
    expect(edges).toContain('product_sales_order_lines -expired-> consumers_finance [expired 2026-01-31]');
  });

  test('GIVEN a domain without products WHEN drawn THEN its box says so (an empty one would not be drawn)', () => {
    const spec: DataMeshSpec = {
      name: 'tiny',
      governance: { admins: ['gov@example.com'] },
      domains: [{ name: 'ops', owner: 'ops@example.com', description: 'Nothing published yet.' }],
    };
    const model = diagramOfSpecFile({ pattern: 'mesh', path: '/specs/tiny.yaml', spec, clouds: {} });
    expect(model.clusters).toEqual([
      { id: 'domain_ops', label: 'domain ops · clearance internal', nodes: ['empty_ops'], clusters: [] },
    ]);
    expect(labelOf(model, 'empty_ops')).toBe('no products');
    expect(renderDot(model)).toContain('empty_ops [label=<<B>no products</B>>, shape=plaintext');
  });

  test('GIVEN a subscription Azure cannot serve WHEN drawn for Azure THEN positioned problems, not a picture', () => {
    const spec = withSubscriptions('sales', [
      { consumer: 'marketing', product: 'orders', approvedBy: 'sales-data@example.com' },
    ]);
    const file: SpecFile = { pattern: 'mesh', path: '/specs/mesh.yaml', spec, clouds: {} };
    expect(() => diagramOfSpecFile(file, 'azure')).toThrow(/Azure Storage cannot hide columns/);
    expect(() => diagramOfSpecFile(file, 'aws')).not.toThrow();
  });
});

describe('renderers', () => {
  test('GIVEN the lakehouse WHEN rendered as Mermaid THEN a left-to-right flowchart with every node, edge label and style', () => {
    const model = diagramOfSpecFile(lakehouseFile, 'aws');
    const text = renderMermaid(model);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '---',
      'title: "lakehouse sales on AWS"',
      '---',
      'flowchart LR',
    ]);
    expect(text).toContain('  zone_raw[("raw<br/>S3 bucket<br/>cool after 30 d")]');
    expect(text).toContain('  persona_ingest -->|"write"| zone_raw');
    expect(text).toContain('  zone_raw -->|"read"| persona_engineer');
    expect(text).toContain('  persona_engineer <-->|"read-write"| zone_curated');
    expect(text).toContain('  stream_clickstream ==>|"lands in"| zone_raw');
    expect(text).toContain('  step_daily_orders_clean -.->|"then"| step_daily_orders_publish');
    expect(text).toContain(
      '  subgraph pipeline_daily_orders["pipeline daily-orders · 0 2 * * * Etc/UTC · Step Functions + EventBridge Scheduler"]',
    );
    for (const n of model.nodes) expect(text).toContain(`  ${n.id}`);
    expect(text.match(/^ {2}\S+ (-->|<-->|==>|-\.->)/gm)).toHaveLength(model.edges.length);
    expect(text).toContain('  linkStyle 0 stroke:#e8590c');
  });

  test('GIVEN the mesh WHEN rendered as DOT THEN clusters per domain, every product and subscription edge', () => {
    const model = diagramOfSpecFile(meshFile, 'aws');
    const dot = renderDot(model);
    expect(dot).toMatch(/^digraph platform \{\n {2}graph \[rankdir=LR, label="data mesh acme on AWS"/);
    for (const domain of ['sales', 'marketing', 'finance']) {
      expect(dot).toContain(`subgraph cluster_domain_${domain} {`);
    }
    expect(dot).toContain(
      'product_sales_orders [label=<<B>orders</B><BR/><FONT POINT-SIZE="9">v1.2.0</FONT>',
    );
    expect(dot).toContain(
      'product_sales_customers -> consumers_finance [color="#1971c2", fontcolor="#1971c2", style=bold, label="analyst read\\nuntil 2027-12-31"];',
    );
    expect(dot.match(/ -> /g)).toHaveLength(model.edges.length);
  });

  test('GIVEN odd names WHEN rendered THEN Mermaid and DOT escape them', () => {
    const model: DiagramModel = {
      title: 'a "quoted" title \\ with # and <tags> & `ticks`',
      nodes: [
        { id: 'a', kind: 'zone', lines: ['raw "zone" #1', '<b>bold</b> & co'] },
        { id: 'b', kind: 'persona', lines: ['back\\slash \\N end'] },
      ],
      edges: [{ from: 'a', to: 'b', kind: 'read', label: 'say "hi"\nline 2' }],
      clusters: [{ id: 'c', label: 'cluster "x" \\ y', nodes: ['a'], clusters: [] }],
    };
    const mermaid = renderMermaid(model);
    expect(mermaid).toContain('title: "a \\"quoted\\" title \\\\ with # and <tags> & `ticks`"');
    expect(mermaid).toContain('a[("raw #quot;zone#quot; #35;1<br/>#lt;b#gt;bold#lt;/b#gt; #amp; co")]');
    expect(mermaid).toContain('a -->|"say #quot;hi#quot;<br/>line 2"| b');
    expect(mermaid).toContain('subgraph c["cluster #quot;x#quot; \\ y"]');
    expect(escapeMermaid('`x`')).toBe('#96;x#96;');

    const dot = renderDot(model);
    expect(dot).toContain('label="a \\"quoted\\" title \\\\ with # and <tags> & `ticks`"');
    expect(dot).toContain(
      '<<B>raw &quot;zone&quot; #1</B><BR/><FONT POINT-SIZE="9">&lt;b&gt;bold&lt;/b&gt; &amp; co</FONT>>',
    );
    expect(dot).toContain('<<B>back\\slash \\N end</B>>');
    expect(dot).toContain('label="say \\"hi\\"\\nline 2"');
    expect(dot).toContain('label="cluster \\"x\\" \\\\ y";');
    expect(dotString('a\\nb')).toBe('"a\\\\nb"');
  });

  test('GIVEN the same spec twice WHEN rendered THEN the same bytes', () => {
    const again = {
      ...SALES_LAKEHOUSE,
      additionalPersonas: [
        { name: 'auditor', access: { curated: ZoneAccess.READ, serving: ZoneAccess.READ } },
      ],
    };
    const fromTs: SpecFile = { pattern: 'lakehouse', path: '/specs/x.yaml', spec: again, clouds: {} };
    expect(renderMermaid(diagramOfSpecFile(fromTs, 'azure'))).toBe(
      renderMermaid(diagramOfSpecFile(lakehouseFile, 'azure')),
    );
    expect(renderDot(diagramOfSpecFile(meshFile))).toBe(renderDot(diagramOfSpecFile(meshFile)));
  });
});
