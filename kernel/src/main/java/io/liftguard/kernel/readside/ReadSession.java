package io.liftguard.kernel.readside;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One projection transaction on one pooled connection (auto-commit off): the rows and the offset
 * commit together.
 */
public final class ReadSession implements JdbcSession {
  private final Connection connection;

  ReadSession(Connection connection) {
    this.connection = connection;
  }

  @Override
  public <R> R withConnection(Function<Connection, R> func) throws Exception {
    return func.apply(connection);
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
