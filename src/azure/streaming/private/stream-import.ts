import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { NameRules, validateName } from '../../../core/naming';
import { isUnresolved } from '../../../core/tokens';
import { constructIdFrom } from '../../../core/zones';
import { Fn, Token } from '../../../terraform';
import type { IPrincipal } from '../../iam/principal';
import { grantRole } from '../../private/grants';
import { STREAM_ROLES, StreamAccess } from '../roles';
import type { IStreamIngestion } from '../stream-ingestion-types';

/** The consumer group every event hub has. */
export const DEFAULT_CONSUMER_GROUP = '$Default';

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.EventHub/namespaces/<ns>/eventhubs/<hub>`. */
const EVENT_HUB_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.EventHub\/namespaces\/([^/]+)\/eventhubs\/([^/]+)$/i;

/**
 * Assigns the stream role for `access` to `principal` on the event hub, or, for READ with a
 * `consumerGroupId`, on that consumer group only. Construct ids: `Sender<hash>`,
 * `Receiver<hash>`, `Receiver<Group><hash>` (`ReceiverDefaultGroup<hash>` for `$Default`).
 */
export function grantStream(
  parent: Construct,
  principal: IPrincipal,
  access: StreamAccess,
  target: { readonly scope: string; readonly consumerGroup?: string },
): RoleAssignment {
  const group = target.consumerGroup;
  const prefix =
    access === StreamAccess.WRITE
      ? 'Sender'
      : group === undefined
        ? 'Receiver'
        : `Receiver${group === DEFAULT_CONSUMER_GROUP ? 'DefaultGroup' : `Group${constructIdFrom(group)}`}`;
  const where = group === undefined ? 'the event hub' : `consumer group ${group}`;
  return grantRole(parent, prefix, principal, {
    scope: target.scope,
    roleDefinitionName: STREAM_ROLES[access],
    description: `data-platform-kit: ${access} on ${where}`,
  });
}

/**
 * Validates a consumer group named in a grant: `$Default`, or a name the kit could have made
 * (`NameRules.COMPONENT`). Throws `DPK_INVALID_NAME`.
 */
export function validateConsumerGroupName(scope: IConstruct, group: string, prop = 'consumerGroup'): string {
  if (group === DEFAULT_CONSUMER_GROUP) return group;
  if (isUnresolved(group)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop,
      received: group,
      allowed: 'a literal consumer group name, known at synth time (it becomes part of construct ids)',
    });
  }
  return validateName(scope, NameRules.COMPONENT, prop, group);
}

/** An event hub the stack does not manage, known by its resource id; grants only. */
export class ImportedStream extends Construct implements IStreamIngestion {
  public readonly eventHubId: string;
  public readonly eventHubName: string;
  public readonly namespaceId: string;

  constructor(scope: Construct, id: string, eventHubId: string) {
    super(scope, id);
    const match = isUnresolved(eventHubId) ? undefined : EVENT_HUB_ID.exec(String(eventHubId));
    if (!isUnresolved(eventHubId) && !match) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'eventHubId',
        received: eventHubId,
        allowed:
          'an event hub resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.EventHub/namespaces/<namespace>/eventhubs/<name>',
      });
    }
    this.eventHubId = eventHubId;
    if (match) {
      this.eventHubName = match[2];
      this.namespaceId = eventHubId.slice(0, eventHubId.lastIndexOf('/eventhubs/'));
    } else {
      // Split on '/': element 10 is the hub's name, elements 0-8 the namespace id.
      const parts = Fn.split('/', eventHubId);
      this.eventHubName = Token.asString(Fn.element(parts, 10));
      this.namespaceId = Token.asString(Fn.join('/', Fn.slice(parts, 0, 9)));
    }
  }

  public grantWrite(principal: IPrincipal): RoleAssignment {
    return grantStream(this, principal, StreamAccess.WRITE, { scope: this.eventHubId });
  }

  public grantRead(principal: IPrincipal, consumerGroup?: string): RoleAssignment {
    if (consumerGroup === undefined) {
      return grantStream(this, principal, StreamAccess.READ, { scope: this.eventHubId });
    }
    const group = validateConsumerGroupName(this, consumerGroup);
    return grantStream(this, principal, StreamAccess.READ, {
      scope: `${this.eventHubId}/consumergroups/${group}`,
      consumerGroup: group,
    });
  }
}
