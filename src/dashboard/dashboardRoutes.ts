import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { buildBrowserBundle } from '../http/browserBundle';
import { servePageAssets } from '../handover/consoleAssets';
import { agentOf, noStore } from '../handover/consoleAuth';
import { consoleBodyParser, requireJson, type ConsoleDeps } from '../handover/consoleRoutes';
import { sendError } from '../http/sendError';
import { INTENTS } from '../nlu/intents';
import type { DashboardFigures } from './dashboardFigures';
import { assignmentSchema, type MisunderstoodInbox, type TrainingExample } from './misunderstoodInbox';
import type { SupervisorRoles } from './supervisorRoles';

export interface DashboardDeps {
  console: ConsoleDeps;
  roles: SupervisorRoles;
  figures: DashboardFigures;
  inbox: MisunderstoodInbox;
  faqFile: string;
}

const daysQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) });
/** An assignment names an intent the classifier has or an FAQ entry that exists; anything else would train nothing. */
function assignBodyFor(intents: ReadonlySet<string>, faq: ReadonlySet<string>) {
  return z
    .object({ ids: z.array(z.string().max(40)).min(1).max(500), target: assignmentSchema })
    .strict()
    .refine(({ target }) => ('intent' in target ? intents.has(target.intent) : faq.has(target.faq)), { message: 'no such intent or FAQ entry', path: ['target'] });
}
const faqIds = z.object({ entries: z.array(z.looseObject({ id: z.string() })) });

/** FAQ entry ids a message can be filed under (the file's own schema is the FAQ loader's business). */
function readFaqIds(file: string): string[] {
  try {
    const parsed = faqIds.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.entries.map((e) => e.id) : [];
  } catch {
    return [];
  }
}

/** The export in the shape of `intents/nlu/<intent>.<language>.json`, plus FAQ phrasings by entry. */
export function trainingFiles(examples: TrainingExample[]): { intents: Array<{ intent: string; language: string; utterances: string[] }>; faq: Array<{ id: string; language: string; questions: string[] }> } {
  const intents = new Map<string, { intent: string; language: string; utterances: string[] }>();
  const faq = new Map<string, { id: string; language: string; questions: string[] }>();
  for (const e of examples) {
    if (e.intent) {
      const key = `${e.intent}.${e.language}`;
      if (!intents.has(key)) intents.set(key, { intent: e.intent, language: e.language, utterances: [] });
      intents.get(key)?.utterances.push(e.text);
    } else if (e.faq) {
      const key = `${e.faq}.${e.language}`;
      if (!faq.has(key)) faq.set(key, { id: e.faq, language: e.language, questions: [] });
      faq.get(key)?.questions.push(e.text);
    }
  }
  return { intents: [...intents.values()], faq: [...faq.values()] };
}

const query = (req: Request) => Object.fromEntries(new URL(req.url ?? '/', 'http://local').searchParams);

/**
 * The supervisor dashboard: same sign-in as the console, and every API call checks the
 * `supervisor` role on the server (403 otherwise). Page at /agent/dashboard (under /agent, where
 * the session cookie is scoped).
 */
export async function registerDashboard(server: Server, deps: DashboardDeps): Promise<void> {
  const dir = resolve(__dirname, 'page');
  servePageAssets(server, [
    { path: '/agent/dashboard', type: 'text/html; charset=utf-8', body: readFileSync(join(dir, 'index.html')) },
    { path: '/agent/dashboard.js', type: 'text/javascript; charset=utf-8', body: await buildBrowserBundle(join(dir, 'app/main.ts')) },
    { path: '/agent/dashboard.css', type: 'text/css; charset=utf-8', body: readFileSync(join(dir, 'dashboard.css')) },
  ]);
  const faq = readFaqIds(deps.faqFile);
  const assignBody = assignBodyFor(new Set<string>(INTENTS), new Set(faq));
  // Not withAgent(): looking at figures must not make a supervisor count as an agent online for the queue.
  const supervisor = (run: (req: Request, res: Response) => Promise<unknown>, json = false) =>
    async (req: Request, res: Response) => {
      noStore(res);
      const agent = await agentOf(req, deps.console.sessions);
      if (!agent) return sendError(res, 401, 'UNAUTHORIZED', 'sign in to the agent console first');
      if (!(await deps.roles.isSupervisor(agent))) return sendError(res, 403, 'FORBIDDEN', 'the dashboard is for supervisors');
      if (json && !requireJson(req, res)) return;
      try {
        res.json(await run(req, res));
      } catch (err) {
        if (err instanceof z.ZodError) return sendError(res, 400, 'BAD_REQUEST', err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
        deps.console.logger.error({ err }, 'dashboard: request failed');
        sendError(res, 502, 'STORE_UNAVAILABLE', 'the figures could not be read; try again');
      }
    };
  server.get('/agent/api/dashboard/figures', supervisor(async (req) => ({ days: await deps.figures.days(deps.console.clock(), daysQuery.parse(query(req)).days) })));
  server.get('/agent/api/dashboard/inbox', supervisor(async () => ({ groups: await deps.inbox.groups(), targets: { intents: [...INTENTS], faq } })));
  server.get(
    '/agent/api/dashboard/inbox/export',
    supervisor(async (_req, res) => {
      res.header('Content-Disposition', 'attachment; filename="misunderstood-training-data.json"');
      return trainingFiles(await deps.inbox.export());
    }),
  );
  server.post(
    '/agent/api/dashboard/inbox/assign',
    consoleBodyParser,
    supervisor(async (req) => {
      const { ids, target } = assignBody.parse(req.body ?? {});
      return { assigned: await deps.inbox.assign(ids, target) };
    }, true),
  );
}
