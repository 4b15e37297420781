# syntax=docker/dockerfile:1
# UNTESTED: no Docker daemon or registry is reachable where this was written (see docs/deploy.md).
#
# The API runs built JavaScript (`apps/api/dist/server.mjs`, bundled by esbuild with the workspace
# packages, as `pnpm start` does). The image holds the workspace with its dependencies installed
# once (the bundle imports installed packages and finds migrations/seed files beside it), the
# dashboard built and precompressed, and runs as an unprivileged user.

ARG NODE_VERSION=20

# ---------------------------------------------------------------- dependencies
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
RUN corepack enable && corepack prepare pnpm@10.34.9 --activate
# Manifests first, so the install layer is cached until a manifest or the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY packages/domain/package.json packages/domain/
COPY packages/gazette/package.json packages/gazette/
COPY packages/csv/package.json packages/csv/
COPY prisma/package.json prisma/
COPY tooling tooling
# postinstall generates the Prisma client from prisma/schema.prisma: the schema must be there.
COPY prisma/schema.prisma prisma/prisma.config.ts prisma/
COPY prisma/scripts prisma/scripts
RUN pnpm install --frozen-lockfile

# ---------------------------------------------------------------- build
FROM deps AS build
COPY . .
RUN pnpm --filter @gazette/db db:generate \
 && pnpm --filter @gazette/admin build \
 && pnpm --filter @gazette/api build

# ---------------------------------------------------------------- runtime
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    GAZETTE_DATA_DIR=/app/.data
WORKDIR /app
RUN groupadd --system gazette && useradd --system --gid gazette --home-dir /app gazette
COPY --from=build --chown=gazette:gazette /app /app
USER gazette
EXPOSE 4000
# /readyz answers 200 once the database answers and every migration is applied.
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/apps/api
# DATABASE_URL is required in production (without it the server would start an embedded
# PostgreSQL inside the container). SIGTERM finishes in-flight requests, then exits.
# The same process as apps/api's start script (`pnpm start`, the bench): see "Process memory" in
# apps/api/src/platform/README.md for the flags and MALLOC_ARENA_MAX.
ENV MALLOC_ARENA_MAX=2
CMD ["node", "--experimental-wasm-modules", "--disable-warning=ExperimentalWarning", "--enable-source-maps", "--liftoff-only", "--max-semi-space-size=4", "dist/server.mjs"]
