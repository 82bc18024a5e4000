# IAM Atlas image: `docker compose up` (docker-compose.yml) runs it with Neo4j.
#
# Build stage: every dependency (Vite is a devDependency), then the page is built
# into ui/dist, the command line is compiled into dist/cli, and the devDependencies
# are pruned.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config ui/vite.config.ts \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: production dependencies, the compiled command line and its sources
# (run through tsx, a dependency, if the compiled one is ever older), the built page
# and the demo organization with its people; no build tools, no tests, no secrets. Runs as the image's unprivileged `node` user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    IAMATLAS_HOME=/home/node/.iamatlas
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/api ./api
COPY --from=build /app/query ./query
COPY --from=build /app/cli ./cli
COPY --from=build /app/collect ./collect
COPY --from=build /app/cypher ./cypher
COPY --from=build /app/db ./db
COPY --from=build /app/engine ./engine
COPY --from=build /app/ingest ./ingest
COPY --from=build /app/ui/build.ts ./ui/build.ts
COPY --from=build /app/ui/dist ./ui/dist
COPY --from=build /app/test/fixtures/demo-org ./test/fixtures/demo-org
COPY --from=build /app/test/fixtures/demo-people ./test/fixtures/demo-people
# The `node` user may write the command line's code caches (one per command, made after its first
# run; see bin/code-cache.mjs), and nothing else of /app: the compiled script stays root's.
RUN mkdir -p /home/node/.iamatlas && chown node:node /home/node/.iamatlas \
 && build="$(node -p "require('./dist/cli/current.json').build")" \
 && mkdir -p "dist/cli/$build/cache" && chown node:node "dist/cli/$build/cache"
USER node
EXPOSE 4000
ENTRYPOINT ["node", "bin/iamatlas"]
CMD ["--help"]
