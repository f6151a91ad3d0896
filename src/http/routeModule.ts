import type { Server } from 'restify';
import type { AppContext } from '../appContext';

/** Each channel or feature registers its routes through one of these, listed in src/app.ts. */
export type RouteModule = (server: Server, app: AppContext) => void | Promise<void>;
