// Cloud-neutral pattern specs (LakehouseSpec, …) land here with the pattern issues.
export {};
