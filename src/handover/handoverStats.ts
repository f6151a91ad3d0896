/**
 * What the handover tells the supervisor's figures (src/dashboard/statsRecorder.ts implements it):
 * a customer was handed towards a person, and how long one waited before an agent took them.
 * Kept as a port so the handover does not depend on the dashboard.
 */
export interface HandoverStats {
  escalated(member: string, channel: string, reason: string, now: number): Promise<void>;
  waited(channel: string, waitMs: number, now: number): Promise<void>;
}
