/**
 * Runs once before all test files: makes sure the test PostgreSQL runs and builds a template database with
 * every committed migration applied, so each test file can copy a fresh schema in milliseconds.
 */
import { Client } from 'pg';
import { migrate } from '../../db/migrate';
import { databaseUrlOn } from '../../simulate/database';
import { adminUrl, TEMPLATE_DATABASE } from './postgres';

export default async function globalSetup(): Promise<void> {
  const admin = adminUrl();
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
  await migrate(databaseUrlOn(admin, TEMPLATE_DATABASE));
}
