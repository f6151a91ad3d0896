/**
 * How a shared location travels inside an Activity, whatever the channel: a schema.org
 * `GeoCoordinates` entity, the type the Bot Framework activity schema uses for places
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#geocoordinates-object).
 * WeChat's location message and the widget's "share my location" button both produce one.
 */
import type { Activity, Entity } from 'botbuilder';
import { z } from 'zod';

export const GEO_ENTITY_TYPE = 'GeoCoordinates';

const geoSchema = z.object({
  type: z.literal(GEO_ENTITY_TYPE),
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().max(200).optional(),
});

export interface SharedLocation {
  latitude: number;
  longitude: number;
  name?: string;
  /** False when the coordinates are outside the globe (the flow answers politely, never crashes). */
  valid: boolean;
}

export function geoEntity(latitude: number, longitude: number, name?: string): Entity {
  return { type: GEO_ENTITY_TYPE, latitude, longitude, ...(name ? { name } : {}) };
}

export function readLocation(activity: Partial<Activity>): SharedLocation | undefined {
  for (const entity of activity.entities ?? []) {
    const parsed = geoSchema.safeParse(entity);
    if (!parsed.success) continue;
    const { latitude, longitude, name } = parsed.data;
    const valid =
      Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    return { latitude, longitude, name, valid };
  }
  return undefined;
}
