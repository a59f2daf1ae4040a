package io.liftguard.faulttests;

/**
 * The node stopped as an operator stops it (SIGTERM) for {@code fault.outageSeconds} (30 s by
 * default).
 */
class CassandraOutageIntegrationTest extends CassandraOutageContract {
  @Override
  String takeDown(CassandraNode node) throws Exception {
    node.stop();
    return "stopped";
  }

  @Override
  int outageSeconds() {
    return settings.outageSeconds();
  }
}
