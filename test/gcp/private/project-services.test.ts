import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { enableApis, GoogleApi, ProjectServices } from '../../../src/gcp/private/project-services';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

const SERVICE = 'google_project_service';

describe('ProjectServices', () => {
  test('enables each API once per project, never disabling it on destroy', () => {
    // GIVEN
    const stack = newGcpStack();
    const a = new Construct(stack, 'A');
    const b = new Construct(stack, 'B');
    // WHEN
    const first = enableApis(a, true, undefined, GoogleApi.STORAGE, GoogleApi.CLOUD_KMS);
    const second = enableApis(b, true, undefined, GoogleApi.STORAGE);
    // THEN
    expect(second[0]).toBe(first[0]);
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(SERVICE, 2);
    template.allResourcesHave(SERVICE, { disable_on_destroy: false });
    expect(template.resources(SERVICE).map((r) => r.config)).toEqual(
      expect.arrayContaining([
        { service: 'storage.googleapis.com', disable_on_destroy: false },
        { service: 'cloudkms.googleapis.com', disable_on_destroy: false },
      ]),
    );
  });

  test('keeps projects apart', () => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN
    enableApis(stack, true, 'acme-data-dev', GoogleApi.STORAGE);
    enableApis(stack, true, 'acme-data-prd', GoogleApi.STORAGE);
    enableApis(stack, true, undefined, GoogleApi.STORAGE);
    // THEN
    const projects = TfTemplate.fromStack(stack)
      .resources(SERVICE)
      .map((r) => r.config.project ?? '<provider project>');
    expect(projects.sort()).toEqual(['<provider project>', 'acme-data-dev', 'acme-data-prd']);
  });

  test('is one holder per stack', () => {
    const stack = newGcpStack();
    expect(ProjectServices.of(new Construct(stack, 'A'))).toBe(ProjectServices.of(stack));
  });

  test('enables nothing when disabled', () => {
    const stack = newGcpStack();
    expect(enableApis(stack, false, undefined, GoogleApi.STORAGE)).toEqual([]);
    TfTemplate.fromStack(stack).resourceCountIs(SERVICE, 0);
  });

  test('a deploy-time project gets services under the requesting block', () => {
    // GIVEN
    const stack = newGcpStack();
    const project = new TerraformVariable(stack, 'Project', { type: 'string' }).stringValue;
    const block = new Construct(stack, 'Block');
    // WHEN
    const [service] = enableApis(block, true, project, GoogleApi.STORAGE);
    // THEN
    expect(service.node.path).toMatch(/^Test\/Block\/ProjectServices[0-9a-f]{8}\/Storage$/);
    TfTemplate.fromStack(stack).hasResourceProperties(SERVICE, { project: '${var.Project}' });
  });
});
