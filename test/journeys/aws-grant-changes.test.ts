import * as path from 'node:path';
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { App, Stack } from 'aws-cdk-lib';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { Lakehouse, type LakehouseProps, SparkJobScript } from '../../src/aws';
import { ZoneAccess } from '../../src/core/internal';
import type { LakehousePersona } from '../../src/patterns';

/**
 * Lake Formation grants survive change: every property of AWS::LakeFormation::PrincipalPermissions
 * forces a replacement and deleting one revokes the principal-resource pair, so changing one
 * persona's access in a spec must add or remove only that persona's grants, and never replace
 * (or remove) anyone else's. Read from the CloudFormation diff of two synthesized templates.
 */
const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, '../aws/processing/fixtures/clean.py'));
const PP = 'AWS::LakeFormation::PrincipalPermissions';

function synth(personas: LakehouseProps['personas']): any {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: '111122223333', region: 'eu-west-1' } });
  new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    personas,
    stepScripts: { 'daily-orders/clean': SCRIPT, 'daily-orders/publish': SCRIPT },
  });
  return app.synth().getStackByName('S').template;
}

/** The PrincipalPermissions changes between two templates: added, removed, replaced, by principal. */
function grantChanges(before: any, after: any) {
  const added: string[] = [];
  const removed: string[] = [];
  const replacedOrUpdated: string[] = [];
  const principalOf = (t: any, id: string) =>
    JSON.stringify(t.Resources[id].Properties.Principal.DataLakePrincipalIdentifier);
  fullDiff(before, after).resources.forEachDifference((id, change) => {
    if ((change.newResourceType ?? change.oldResourceType) !== PP) return;
    if (change.isAddition) {
      added.push(principalOf(after, id));
    } else if (change.isRemoval) {
      removed.push(principalOf(before, id));
    } else if (change.changeImpact === ResourceImpact.WILL_REPLACE || change.isUpdate) {
      replacedOrUpdated.push(id);
    }
  });
  return { added, removed, replacedOrUpdated };
}

const roleArnOf = (t: any, persona: string) => {
  const id = Object.keys(t.Resources).find(
    (k) => t.Resources[k].Type === 'AWS::IAM::Role' && k.startsWith(`LakehousePersona${persona}`),
  )!;
  return JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] });
};

describe('changing one persona changes only its Lake Formation grants', () => {
  const base: LakehousePersona[] = [
    { name: 'analyst', access: { serving: ZoneAccess.READ } },
    { name: 'curator', access: { curated: ZoneAccess.READ_WRITE } },
  ];
  const before = synth(base);

  test('widening READ to READ_WRITE only adds the analyst grants', () => {
    const after = synth([{ name: 'analyst', access: { serving: ZoneAccess.READ_WRITE } }, base[1]]);
    const changes = grantChanges(before, after);
    expect(changes.removed).toEqual([]);
    expect(changes.replacedOrUpdated).toEqual([]);
    expect(changes.added.length).toBeGreaterThan(0);
    expect(new Set(changes.added)).toEqual(new Set([roleArnOf(after, 'Analyst')]));
  });

  test('narrowing READ_WRITE to READ only removes the curator write grants, keeping its reads', () => {
    const after = synth([base[0], { name: 'curator', access: { curated: ZoneAccess.READ } }]);
    const changes = grantChanges(before, after);
    expect(changes.added).toEqual([]);
    expect(changes.replacedOrUpdated).toEqual([]);
    expect(new Set(changes.removed)).toEqual(new Set([roleArnOf(before, 'Curator')]));
    // SELECT and DESCRIBE stay: the very resources the curator's read used are untouched.
    const selects = (t: any) =>
      Object.values<any>(t.Resources).filter(
        (r) =>
          r.Type === PP &&
          JSON.stringify(r.Properties.Principal) ===
            JSON.stringify({ DataLakePrincipalIdentifier: JSON.parse(roleArnOf(t, 'Curator')) }) &&
          r.Properties.Permissions.includes('SELECT'),
      ).length;
    expect(selects(after)).toBe(selects(before));
    expect(selects(after)).toBeGreaterThan(0);
  });

  test('every grant names exactly one permission and no grant option', () => {
    const grants = Object.values<any>(before.Resources).filter((r) => r.Type === PP);
    expect(grants.length).toBeGreaterThan(0);
    for (const g of grants) {
      expect(g.Properties.Permissions).toHaveLength(1);
      expect(g.Properties.PermissionsWithGrantOption).toEqual([]);
    }
  });
});
