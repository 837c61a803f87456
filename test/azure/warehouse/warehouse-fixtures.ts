import { Principal } from '../../../src/azure/iam/principal';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { Warehouse } from '../../../src/azure/warehouse/warehouse';
import type { WarehouseProps } from '../../../src/azure/warehouse/warehouse-props';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG } from '../azure-stack';

/** The Entra group the tests make SQL administrator. */
export const ADMIN_GROUP = OBJECT_ID;
/** A second Entra object id. */
export const OTHER_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

/** A lake (default zones) and a warehouse on it, in `stack`. */
export function newWarehouse(props: Partial<WarehouseProps> = {}, stack: TerraformStack = newAzureStack()) {
  const lake =
    (props.lake as LakeStorage | undefined) ??
    new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    resourceGroup: RG,
    sqlAdministrator: { login: 'sales-sql-admins', principal: Principal.group(ADMIN_GROUP) },
    ...props,
    lake,
  });
  return { stack, lake, warehouse, template: () => TfTemplate.fromStack(stack) };
}

/** Matches a reference to `attr` of a resource of `type`: `${type.name.attr}`. */
export const ref = (type: string, attr: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.\\w+\\.${attr.replace(/[[\]]/g, '\\$&')}\\}$`));
