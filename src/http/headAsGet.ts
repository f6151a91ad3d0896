import type { RouteModule } from './routeModule';

/**
 * `HEAD` works wherever `GET` does (RFC 9110 §9.3.2: the same headers, no body). Restify routes
 * by method and would answer 405, so a pre-handler hands HEAD requests to the GET route. Node
 * already decided, from the method the request arrived with, that this response carries no body:
 * whatever the GET handler writes is dropped and only its status and headers go out. One place for
 * every route module, including ones added later.
 */
export const headAsGet: RouteModule = (server) => {
  server.pre((req, _res, next) => {
    if (req.method === 'HEAD') req.method = 'GET';
    return next();
  });
};
