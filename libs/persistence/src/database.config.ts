import { z } from 'zod';

export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// connection URL'),
});
