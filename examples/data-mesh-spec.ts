import { type DataMeshSpec, ProductFormat } from 'data-platform-kit/patterns';

/**
 * One data mesh, declared once: three domains (sales, marketing, finance), six products under
 * contracts — one restricted, several with classified columns, one a de-identified derivative —
 * and subscriptions both ways between sales and marketing, every one valid on all three clouds.
 * Each cloud's data-mesh example renders this same spec.
 */
// example:start
export const ACME_MESH: DataMeshSpec = {
  name: 'acme',
  governance: {
    admins: ['data-governance@example.com'],
    // The default levels, lowest first: public, internal, confidential, restricted.
    tags: { 'cost-center': 'data-mesh' },
  },
  domains: [
    {
      name: 'sales',
      owner: 'sales-data@example.com',
      description: 'Orders, customers and returns of every sales channel.',
      lakehouse: {
        streams: [{ name: 'order-events' }],
        pipelines: [
          {
            name: 'daily',
            steps: [
              { name: 'clean', sourceZone: 'raw', targetZone: 'curated' },
              { name: 'publish', sourceZone: 'curated', targetZone: 'serving' },
            ],
          },
        ],
      },
      products: [
        {
          name: 'orders',
          version: '1.2.0',
          description: 'Every confirmed order, one row per order line.',
          schema: [
            { name: 'order_id', type: 'string', required: true, classification: 'internal' },
            { name: 'customer_email', type: 'string', classification: 'confidential' },
            { name: 'amount', type: 'decimal(12,2)', classification: 'internal' },
            { name: 'order_date', type: 'date', required: true, classification: 'internal' },
          ],
          partitionColumns: ['order_date'],
          freshness: { maxAgeHours: 6 },
          dataRetentionDays: 3650,
        },
        {
          name: 'customers',
          version: '2.0.0',
          description: 'Customer master data: identity and contact details.',
          schema: [
            { name: 'customer_id', type: 'string', required: true, classification: 'internal' },
            { name: 'full_name', type: 'string', classification: 'restricted' },
            { name: 'email', type: 'string', classification: 'restricted' },
          ],
        },
        {
          name: 'order_lines',
          version: '1.0.0',
          description:
            'Confirmed order lines without customer contact details: the de-identified derivative of orders.',
          schema: [
            { name: 'order_id', type: 'string', required: true, classification: 'internal' },
            { name: 'amount', type: 'decimal(12,2)', classification: 'internal' },
            { name: 'order_date', type: 'date', required: true, classification: 'internal' },
          ],
          partitionColumns: ['order_date'],
          freshness: { maxAgeHours: 6 },
          inputs: [{ product: 'orders' }],
        },
      ],
      subscriptions: [
        // Marketing is cleared for internal data only, so it subscribes to the de-identified
        // order_lines: storage that cannot hide columns (Azure) could not serve it orders.
        { consumer: 'marketing', product: 'order_lines', approvedBy: 'sales-data@example.com' },
        { consumer: 'finance', product: 'orders', approvedBy: 'sales-data@example.com' },
        {
          consumer: 'finance',
          product: 'customers',
          personas: ['analyst'],
          approvedBy: 'sales-data@example.com',
          expires: '2027-12-31',
        },
      ],
    },
    {
      name: 'marketing',
      owner: 'marketing-data@example.com',
      description: 'Campaigns and their attribution to orders.',
      products: [
        {
          name: 'campaigns',
          version: '1.0.0',
          description: 'Every campaign with its channel, budget and dates.',
          schema: [
            { name: 'campaign_id', type: 'string', required: true },
            { name: 'channel', type: 'string' },
            { name: 'budget', type: 'decimal(12,2)' },
            { name: 'start_date', type: 'date' },
          ],
          format: ProductFormat.PARQUET,
        },
        {
          name: 'attribution',
          version: '1.0.0',
          description: 'Orders attributed to the campaign that won them.',
          schema: [
            { name: 'order_id', type: 'string', required: true, classification: 'internal' },
            { name: 'campaign_id', type: 'string', classification: 'internal' },
            { name: 'attributed_at', type: 'timestamp', classification: 'internal' },
          ],
          partitionColumns: ['attributed_at'],
          inputs: [{ domain: 'sales', product: 'order_lines' }, { product: 'campaigns' }],
        },
      ],
      subscriptions: [{ consumer: 'sales', product: 'campaigns', approvedBy: 'marketing-data@example.com' }],
    },
    {
      name: 'finance',
      owner: 'finance-data@example.com',
      description: 'Revenue recognition and reporting.',
      clearance: 'restricted',
      products: [
        {
          name: 'revenue_daily',
          version: '1.0.0',
          description: 'Recognised revenue per day and channel.',
          schema: [
            { name: 'day', type: 'date', required: true, classification: 'confidential' },
            { name: 'channel', type: 'string', classification: 'confidential' },
            { name: 'revenue', type: 'decimal(18,2)', classification: 'confidential' },
          ],
          partitionColumns: ['day'],
          inputs: [{ domain: 'sales', product: 'orders' }],
        },
      ],
    },
  ],
};
// example:end
