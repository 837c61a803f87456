import * as os from 'node:os';
import { App } from 'cdktf';
import { build } from '../../../examples/data-mesh-azure/app';
import { checkCompliance } from '../../../src/azure/compliance';
import { expectClean } from '../../helpers/compliance';

describe('examples/data-mesh-azure', () => {
  test('seven stacks, children of the App in deploy order, with zero unacknowledged findings', () => {
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    const stacks = build(app);
    expect(stacks.map((s) => s.node.id)).toEqual([
      'acme-governance',
      'acme-sales-identity',
      'acme-marketing-identity',
      'acme-finance-identity',
      'acme-sales-products',
      'acme-marketing-products',
      'acme-finance-products',
    ]);
    for (const s of stacks) expect(s.node.scope).toBe(app);
    expectClean(checkCompliance(app));
  });
});
