# syntax=docker/dockerfile:1
# The bot as a container: `docker compose up` (compose.yaml) runs it with Redis. See README,
# "Running in production".

# --- build: every dependency, compile TypeScript to dist/ and bundle the browser scripts ---------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY dialogs ./dialogs
COPY intents ./intents
RUN npm run build

# --- runtime: production dependencies only, compiled code, data; runs as the unprivileged `node` --
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    NLU_CACHE_DIR=/app/.cache/nlu
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# `npm start` and `npm run agent -- …` work in the image too: with no sources they run dist/.
COPY scripts/run.cjs scripts/sourceStamp.cjs ./scripts/
COPY intents ./intents
RUN mkdir -p /app/.cache/nlu && chown -R node:node /app/.cache
USER node
# Train the intent model once here, so a container is ready in about a second (the cache key hashes
# data and code: a bank's own BOT_DATA_DIR simply trains at first start).
RUN node -e "require('./dist/src/nlu/createRecognizer').createRecognizerSync({ cacheDir: process.env.NLU_CACHE_DIR })"
EXPOSE 3978
# Liveness only: /readyz (state store reachable) is for the load balancer, not for restarting.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The old generation is capped as `npm start` caps it (README, Performance: without a cap V8 grows it
# to a share of the host's memory and collects late, doubling peak RSS); override with
# `-e NODE_OPTIONS=--max-old-space-size=N` when a bank's data makes the live heap bigger. Under a
# cap V8 lets the old generation grow only ~1.3 x the live heap before a full collection (every
# second or two under load, each marking the whole ~90 MB live heap); --heap-growing-percent=150
# lets it grow 2.5 x, as `npm start` does. Node refuses that flag in NODE_OPTIONS: it is in CMD.
ENV NODE_OPTIONS=--max-old-space-size=256
# Plain node, no launcher: SIGTERM from `docker stop` reaches the bot, which finishes turns in flight.
CMD ["node", "--heap-growing-percent=150", "dist/src/index.js"]
