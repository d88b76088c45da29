/**
 * The leadership digest activity: a Temporal adapter over `mail/digest.ts` (see docs/mail.md, "Leadership
 * digest"). Activity names are a wire contract: never rename one.
 */
import type { MailDeliveryDeps } from '../mail/deliver';
import { sendLeadershipDigest, type SendDigestInput, type SendDigestResult } from '../mail/digest';

export type { SendDigestInput, SendDigestResult } from '../mail/digest';

/** The activities of this file, by name. */
export interface LeadershipDigestActivities {
  sendLeadershipDigest(input: SendDigestInput): Promise<SendDigestResult>;
}

/** Builds the digest activity. */
export function createLeadershipDigestActivities(deps: MailDeliveryDeps): LeadershipDigestActivities {
  return {
    sendLeadershipDigest: (input) => sendLeadershipDigest(deps, input),
  };
}
