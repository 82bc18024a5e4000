/**
 * One read statement on its own, outside an explicit transaction: the statement and its rows
 * are one round trip. `driver.executeQuery` runs it in a transaction of its own, whose commit
 * is a second round trip after the rows (the begin goes out with the statement); a statement
 * that only reads has nothing to commit. Neo4j runs a statement sent outside a transaction in
 * a transaction of its own, so it still sees one state of the graph
 * (https://neo4j.com/docs/javascript-manual/current/transactions/#_run_a_query_in_an_auto_commit_transaction_session_run).
 */
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';

export async function readOnce<R extends RecordShape = RecordShape>(
  driver: Driver,
  query: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<R>> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.run<R>(query, params);
  } finally {
    await session.close();
  }
}
