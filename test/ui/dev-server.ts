/**
 * For working on the page by hand: `node --import tsx test/ui/dev-server.ts` serves the built
 * page and the API against the configured Neo4j and prints a sign-in URL. Not a test.
 */
import { connect } from '../../db/connection.ts';
import { startAtlas } from './harness.ts';

const say = (l: string) => process.stderr.write(`${l}\n`);
const { driver } = await connect(say);
const atlas = await startAtlas(driver);
process.stdout.write(`${atlas.signInUrl()}\n`);
process.on(
  'SIGTERM',
  () =>
    void atlas
      .close()
      .then(() => driver.close())
      .then(() => process.exit(0)),
);
