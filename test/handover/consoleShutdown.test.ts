/** An agent's live stream ends as soon as the server stops accepting, so shutdown is not held. */
import { startTestServer } from '../support/testServer';
import { ConsoleClient, createAgent } from './support/consoleClient';

it("ends an agent's live stream at shutdown, so the console reconnects to another process", async () => {
  const server = await startTestServer();
  await createAgent(server.prefix, 'dora');
  const agent = new ConsoleClient(server.url);
  expect((await agent.signIn('dora')).status).toBe(200);
  const res = await fetch(`${server.url}/agent/api/events`, { headers: { cookie: agent.cookie } });
  expect(res.status).toBe(200);
  const reader = res.body?.getReader();
  const ended = (async () => {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return true;
    }
  })();
  await server.close();
  expect(await ended).toBe(true);
});
