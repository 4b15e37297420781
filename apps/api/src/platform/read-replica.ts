// Read replica (DATABASE_REPLICA_URL): queries run on the replica, mutations and subscriptions on
// the primary. Reads after a write go to the primary: for `graceMs` after any write this instance
// made or heard of (NOTIFY from another instance, when the response cache listens), every read does,
// so neither a caller who just wrote nor the response cache sees the replica's lag. Authentication
// always reads the primary (a revocation holds at once).
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PrismaClient } from '@gazette/db';

/** How long after a write reads stay on the primary (above any replication lag you expect). */
export const DEFAULT_REPLICA_GRACE_MS = 5_000;

export interface ReadReplicaRouting {
  plugin: Plugin;
  /** Records a write seen elsewhere (another instance's notification). */
  noteWrite(): void;
}

export function useReadReplica(
  replica: PrismaClient,
  graceMs = DEFAULT_REPLICA_GRACE_MS,
): ReadReplicaRouting {
  let lastWriteAt = 0;
  const noteWrite = () => {
    lastWriteAt = Date.now();
  };
  return {
    noteWrite,
    plugin: {
      onExecute({ args, extendContext }) {
        const operation = getOperationAST(args.document, args.operationName)?.operation;
        if (operation === 'mutation') {
          noteWrite();
          return { onExecuteDone: noteWrite };
        }
        if (operation === 'query' && Date.now() - lastWriteAt > graceMs) {
          extendContext({ prisma: replica } as never);
        }
        return undefined;
      },
    },
  };
}
