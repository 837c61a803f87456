/**
 * The resource group a block deploys into: its name and location (and id, when known).
 *
 * Both the provider's `ResourceGroup` (a group the stack creates) and
 * `DataAzurermResourceGroup` (an existing group) satisfy it, so blocks never ask for the
 * name and location as loose strings.
 *
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/manage-resource-groups-portal
 * @example
 * const rg = new ResourceGroup(stack, 'Rg', { name: 'rg-sales-data', location: 'westeurope' });
 * new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: rg });
 */
export interface ResourceGroupRef {
  /** Name of the resource group. */
  readonly name: string;
  /** Azure location of the group; blocks default their own location to it. */
  readonly location: string;
  /** Resource Manager id of the group, when known. */
  readonly id?: string;
}
