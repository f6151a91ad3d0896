/**
 * HEAD works wherever GET does (monitors and link checkers use it): same status and headers,
 * no body; routes that have no GET keep answering as before.
 */
import { request } from 'node:http';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A raw HEAD over a socket: status, headers and the number of body bytes that arrived. */
function head(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bodyBytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'HEAD' }, (res) => {
      let bodyBytes = 0;
      res.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bodyBytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HEAD', () => {
  it.each(['/', '/en', '/healthz', '/readyz', '/widget.js', '/agent', '/metrics'])('answers HEAD %s as GET would, without a body', async (path) => {
    const got = await fetch(`${server.url}${path}`);
    const headed = await head(path);
    expect(headed.status).toBe(got.status);
    expect(headed.status).toBe(200);
    expect(headed.headers['content-type']).toBe(got.headers.get('content-type'));
    expect(headed.bodyBytes).toBe(0);
  });

  it('answers 404 for a path nothing serves', async () => {
    expect((await head('/no-such-page')).status).toBe(404);
  });

  it('still refuses HEAD on a route that only takes POST', async () => {
    expect((await head('/api/messages')).status).toBe(405);
  });
});
