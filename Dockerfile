# The service (GraphQL API + viewer), compiled to plain JavaScript; Neo4j runs in its own container
# (docker-compose.yml). Node 22 LTS.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
# --ignore-scripts: the local-Neo4j fetch (postinstall) is not wanted here; the image uses NEO4J_URI. The
# dependency patches of patches/ (postinstall's other half) are applied by hand instead.
RUN npm ci --ignore-scripts --no-audit --no-fund && npx patch-package --error-on-fail
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npx patch-package --error-on-fail && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
# The SDL is read at start-up from beside the modules' sources; the TypeScript itself is not needed.
COPY --from=build /app/server/src/modules ./server/src/modules
RUN find server -type f ! -name '*.graphql' -delete
COPY cypher ./cypher
COPY seeds ./seeds
COPY templates ./templates
# The official image's unprivileged user: the service never needs root.
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server/src/main.js"]
