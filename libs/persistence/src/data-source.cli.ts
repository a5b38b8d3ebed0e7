import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source.options';

/** Entry point for the TypeORM CLI (`npm run migration:generate`, `migration:show`). */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL must be set to run the TypeORM CLI');
}
export default new DataSource(buildDataSourceOptions(url));
