/**
 * Readers for the Azure rules: core's Terraform JSON readers. A missing attribute means what
 * azurerm 4.x does when it is omitted: rules judge what `terraform apply` would deploy, so each
 * rule names the provider default it relies on (`flag(value, providerDefault)`).
 */
export * from '../../../core/compliance/config';
