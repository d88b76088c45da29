/**
 * Prisma CLI configuration. The CLI cannot download its engines on these machines, so it runs with the JS
 * schema engine through the pg driver adapter (see docs/architecture.md, "Data").
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: () =>
    Promise.resolve(
      new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/twinning' }),
    ),
});
