# syntax=docker/dockerfile:1
# One build, two runtime targets: `api` and `worker` (docker-compose.yml builds both).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
# Compiles TypeScript and prebuilds the workflow bundle (dist/workflow-bundle.js).
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node

FROM runtime AS api
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]

FROM runtime AS worker
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
CMD ["node", "--enable-source-maps", "dist/apps/worker/src/main.js"]
