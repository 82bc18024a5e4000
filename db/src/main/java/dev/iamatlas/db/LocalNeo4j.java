package dev.iamatlas.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community server for IAM Atlas: Bolt on 127.0.0.1 only, auth on,
 * page cache capped. The heap is capped by the JVM flags of whoever starts it.
 *
 * Arguments: HOME_DIR PORT PASSWORD_FILE PAGECACHE_MB
 * Prints "IAMATLAS-NEO4J-READY port=N" once Bolt accepts connections.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: LocalNeo4j HOME_DIR PORT PASSWORD_FILE PAGECACHE_MB");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    // The password travels in a file readable by its owner only, never on the command line.
    String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).trim();
    long pageCacheMb = Long.parseLong(args[3]);

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofMinutes(30))
        // Transaction logs serve recovery and backups; a local analysis database needs only the
        // latest. Neo4j keeps two days of them by default, tens of gigabytes after a few large
        // ingests; keep about 1 GB, pruned at each checkpoint.
        // https://neo4j.com/docs/operations-manual/current/database-internals/transaction-logs/
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "1G size")
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.shutdown();
      stopped.countDown();
    }, "iamatlas-neo4j-shutdown"));

    try {
      setPassword(service, password);
    } catch (RuntimeException e) {
      // Without the password nobody can connect: stop rather than serve a locked database.
      System.err.println("IAMATLAS-NEO4J-FAILED could not set the password: " + e.getMessage());
      service.shutdown();
      System.exit(1);
    }

    System.out.println("IAMATLAS-NEO4J-READY port=" + port);
    System.out.flush();
    stopped.await();
  }

  /** Setting the password at every start keeps the file the single source of truth. */
  private static void setPassword(DatabaseManagementService service, String password) {
    try {
      service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the value it already has; that is success here.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }
}
