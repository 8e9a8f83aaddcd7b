# syntax=docker/dockerfile:1
# ServiceFlow: NestJS API + static web client. Build: docker build -t serviceflow .  Run: docker compose up

# ---- build: all dependencies, compile the API (dist/) and the client (client/dist/) ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# @carbon/grid (under the form-js editor) would start a usage-telemetry collector on install
ENV IBM_TELEMETRY_DISABLED=true
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies and build output only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
COPY --from=build /app/processes ./processes
# DATA_DIR: the token secret (jwt-secret) when JWT_SECRET/JWT_SECRET_FILE are unset; docker-compose shares it between replicas.
RUN mkdir -p /data && chown node:node /data
ENV DATA_DIR=/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/main.js"]
