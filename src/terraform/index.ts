// The Terraform seam: the only part of the kit that imports the cdktf engine. The GCP and Azure
// blocks import it from here; core, patterns and AWS never do, so loading `data-platform-kit/core`
// or `/aws` never loads cdktf, and a switch to the community fork (cdktn) is a change to this
// folder only. Not an entry point of its own: the gcp and azure entries export what users need.
export * from './engine';
export * from './compliance';
export * from './synthesize';
