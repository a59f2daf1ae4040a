package io.liftguard.faulttests;

/**
 * The node killed with SIGKILL (no drain, no last commit log sync) for {@code
 * fault.killOutageSeconds} (10 s by default): what it acknowledged must come back from its commit
 * log. With Cassandra's default periodic commit log sync it does not (this test found a node losing
 * acknowledged writes that way); scripts/cassandra.sh runs nodes with {@code commitlog_sync:
 * batch}.
 */
class CassandraNodeKillIntegrationTest extends CassandraOutageContract {
  @Override
  String takeDown(CassandraNode node) throws Exception {
    node.kill9();
    return "killed (SIGKILL)";
  }

  @Override
  int outageSeconds() {
    return settings.killOutageSeconds();
  }
}
