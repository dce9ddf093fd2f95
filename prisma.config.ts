// Read by the Prisma CLI (generate). The app itself never reads this file:
// it connects through app/db/client.server.ts and applies migrations with its own runner.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/placeholder" },
});
