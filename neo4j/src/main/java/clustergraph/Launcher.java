package clustergraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts the embedded Neo4j Community DBMS with a Bolt connector on 127.0.0.1, so that the service and the
 * tests talk to a real Neo4j over Bolt exactly as they would to a server.
 *
 * <p>Arguments come from the environment (set by neo4j/launch.ts): NEO4J_HOME (data folder), NEO4J_BOLT_PORT,
 * NEO4J_PASSWORD, NEO4J_PAGECACHE (bytes). Protocol on stdout, one line each: {@code READY <port>} when Bolt
 * accepts connections, {@code ERROR <message>} before a non-zero exit. The process stops cleanly on SIGTERM,
 * SIGINT or when its standard input closes (the parent died), so no JVM outlives the service.
 */
public final class Launcher {
  private static final String MARKER = ".password-set";

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      System.out.println("ERROR " + oneLine(e) + (root != e ? " | cause: " + oneLine(root) : ""));
      System.out.flush();
      System.exit(2);
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ');
  }

  private static void run() throws IOException {
    Path home = Path.of(env("NEO4J_HOME", ".data/neo4j")).toAbsolutePath();
    int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
    String password = env("NEO4J_PASSWORD", "");
    long pageCache = Long.parseLong(env("NEO4J_PAGECACHE", String.valueOf(256L * 1024 * 1024)));
    Files.createDirectories(home);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    // The built-in user starts with password "neo4j" and must change it; we set the configured password
    // once, when the store is new. Afterwards a different NEO4J_PASSWORD is a wrong password, reported as such.
    Path marker = home.resolve(MARKER);
    if (!Files.exists(marker)) {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      Files.writeString(marker, "initial password set\n");
    }

    System.out.println("READY " + port);
    System.out.flush();
    watchParent();
  }

  /** Exits (running the shutdown hook) when standard input reaches end of file: the parent process is gone. */
  private static void watchParent() throws IOException {
    InputStream in = System.in;
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // ignore anything written to us; only EOF matters
    }
    System.exit(0);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}
