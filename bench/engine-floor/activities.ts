/** The engine floor's one activity (B2): a message through the bare pooled transport. */
import type { Transporter } from 'nodemailer';
import { floorMessage } from '../lib/floor-mail';

/** The activities of the engine floor's worker. */
export interface EngineFloorActivities {
  sendFloorMessage(index: number, bytes: number): Promise<void>;
}

/** The activities, sending through `transport`. */
export function createEngineFloorActivities(transport: Transporter): EngineFloorActivities {
  return {
    async sendFloorMessage(index, bytes) {
      await transport.sendMail(floorMessage('engine-floor', index, bytes));
    },
  };
}
