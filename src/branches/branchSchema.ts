import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingualSchema';

/** Counter services a branch may offer; each has a reply `service.<id>` in the catalogues. */
export const SERVICE_IDS = ['cert', 'usbKey', 'card', 'account', 'loss', 'forex', 'safeDeposit'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const Service = {
  Cert: 'cert',
  UsbKey: 'usbKey',
} as const satisfies Record<string, ServiceId>;

const hours = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM-HH:MM');
const word = z.string().trim().min(2, 'search words need at least 2 characters');

export const citySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case-with-dashes'),
  name: bilingualSchema,
  /** Other names customers use (at least two characters: one-character aliases match too much). */
  aliases: z.array(word).default([]),
});

export const branchSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case-with-dashes'),
  city: z.string(),
  district: bilingualSchema,
  name: bilingualSchema,
  address: bilingualSchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Opening hours; `weekend: null` means closed at weekends. */
  hours: z.object({ weekday: hours, weekend: hours.nullable() }),
  phone: z.string().regex(/^\+?[\d -]{6,20}$/, 'expected digits, spaces, dashes and an optional leading +'),
  services: z.array(z.enum(SERVICE_IDS)).min(1, 'list at least one counter service'),
  /** Landmarks and nicknames a customer may type (陆家嘴, CBD). */
  keywords: z.array(word).default([]),
});

export const branchFileSchema = z
  .object({
    cities: z.array(citySchema).min(1),
    branches: z.array(branchSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const cities = new Set(file.cities.map((c) => c.id));
    const ids = new Set<string>();
    file.branches.forEach((branch, i) => {
      if (!cities.has(branch.city)) {
        ctx.addIssue({ code: 'custom', path: ['branches', i, 'city'], message: `unknown city "${branch.city}"` });
      }
      if (ids.has(branch.id)) ctx.addIssue({ code: 'custom', path: ['branches', i, 'id'], message: `duplicate id "${branch.id}"` });
      ids.add(branch.id);
    });
  });

export type City = z.output<typeof citySchema>;
export type Branch = z.output<typeof branchSchema>;
export type BranchFile = z.output<typeof branchFileSchema>;
