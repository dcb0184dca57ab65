/**
 * Released from between-session accountability: a client who is paused or ended, or active with a
 * `paused_until` date not yet passed (released through that day). A released client raises no
 * signals, gets no nudges and counts in no practice figure. Every layer asks this one function.
 */
import type { Client, IsoDate } from '../types';

export function isReleased(client: Pick<Client, 'status' | 'pausedUntil'>, asOf: IsoDate): boolean {
  return client.status !== 'active' || (client.pausedUntil !== null && asOf <= client.pausedUntil);
}
