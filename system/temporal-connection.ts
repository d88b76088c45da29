/**
 * Connection options for a Temporal server or cluster, from configuration: address, namespace, and either
 * mTLS (certificate and key files) or an API key (Temporal Cloud); and the data converter with the payload
 * codec, which every client and worker of the product uses.
 */
import { readFileSync } from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import type { AppConfig } from '../worker/config';
import { payloadDataConverter } from './payload-codec';
import { payloadKeysOf } from './payload-keys';

function tlsOptions(config: AppConfig): ConnectionOptions['tls'] {
  const tls = config.temporal.tls;
  if (tls) {
    return {
      clientCertPair: { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) },
      ...(tls.caPath ? { serverRootCACertificate: readFileSync(tls.caPath) } : {}),
      ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
    };
  }
  // An API key is only accepted over TLS.
  return config.temporal.apiKey ? true : undefined;
}

/** Options for a client connection. */
function clientConnectionOptions(config: AppConfig): ConnectionOptions {
  return {
    address: config.temporal.address,
    tls: tlsOptions(config),
    ...(config.temporal.apiKey ? { apiKey: config.temporal.apiKey } : {}),
  };
}

/** Options for a worker's native connection. */
function workerConnectionOptions(config: AppConfig): NativeConnectionOptions {
  return clientConnectionOptions(config) as NativeConnectionOptions;
}

/** The data converter of clients and workers: the payload codec over this process's keys. */
export async function dataConverterOf(config: AppConfig): Promise<ReturnType<typeof payloadDataConverter>> {
  return payloadDataConverter(await payloadKeysOf(config));
}

/** Connects a Temporal client that encrypts payloads; close `client.connection` when done. */
export async function connectClient(config: AppConfig): Promise<Client> {
  // Keys first: a missing key file fails before a connection is opened that would then need closing.
  const dataConverter = await dataConverterOf(config);
  const connection = await Connection.connect(clientConnectionOptions(config));
  return new Client({ connection, namespace: config.temporal.namespace, dataConverter });
}

/** Connects a worker's native connection. */
export function connectWorker(config: AppConfig): Promise<NativeConnection> {
  return NativeConnection.connect(workerConnectionOptions(config));
}
