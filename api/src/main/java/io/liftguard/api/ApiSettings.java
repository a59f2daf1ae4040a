package io.liftguard.api;

import com.typesafe.config.Config;

/**
 * The {@code liftguard.api} section.
 *
 * @param maxBodyBytes largest request body on every route but the import
 * @param maxImportBytes largest register import body
 * @param maxBatch most readings in one telemetry request
 * @param maxPage most ids or history events in one page
 * @param maxImportRows most rows in one register import
 * @param syncImportRows imports up to this many rows answer when done; larger ones run as a job
 */
public record ApiSettings(
    String host,
    int port,
    long maxBodyBytes,
    long maxImportBytes,
    int maxBatch,
    int maxPage,
    int maxImportRows,
    int syncImportRows) {

  public static ApiSettings fromConfig(Config root) {
    Config c = root.getConfig("liftguard.api");
    return new ApiSettings(
        c.getString("host"),
        c.getInt("port"),
        c.getBytes("max-body-size"),
        c.getBytes("max-import-size"),
        c.getInt("max-batch"),
        c.getInt("max-page"),
        c.getInt("max-import-rows"),
        c.getInt("sync-import-rows"));
  }
}
