# Engagierte Stadt Lübeck – info bot. Two stages: compile TypeScript, then run the
# compiled JavaScript with production dependencies only.
#
#   docker build -t luebeck-bot .
#   docker run --rm -e TELEGRAM_BOT_TOKEN=… -p 3000:3000 -v luebeck-data:/app/data luebeck-bot
#
# scripts/docker-steps.ts performs these same steps without Docker, and
# tests/docker.test.ts runs it, so this file cannot rot unnoticed.

# --- build: bundle src/ and adapters/ into dist/app/, then keep production dependencies ---
FROM node:22-slim AS build
# better-sqlite3 compiles its driver from source when no prebuilt one can be fetched:
# the toolchain lives in this stage only, the runtime gets the compiled module.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/build.ts ./scripts/
COPY src ./src
COPY adapters ./adapters
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: Node LTS, production dependencies, non-root, an init as PID 1 ---------
FROM node:22-slim AS runtime
# tini forwards SIGTERM to Node and reaps zombies; Node as PID 1 would do neither well.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only, already built for this same base image.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/app ./dist/app
COPY knowledge ./knowledge
# The fitted model (understanding.json and its weights): without it the bot knows only the knowledge's examples.
COPY model ./model
COPY messages ./messages
COPY schema ./schema
# The database (DATA_DIR=data: pending updates, unanswered questions); mount a volume here to keep it.
RUN mkdir -p -m 700 data && chown node:node data
USER node
EXPOSE 3000
# No curl in the slim image: Node itself asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# node directly, not npm start: the signal must reach Node, and tsx is not needed.
# Node flags as in src/process-flags.ts (and npm start): a small young generation and a capped
# old one keep RSS near 115 MB under load for about 20 % more CPU, one V8 worker thread saves
# another 10–14 MB; docs/operations.md has the figures.
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=96", "--v8-pool-size=1", "dist/app/main.js"]
