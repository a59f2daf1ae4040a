package io.liftguard.kernel.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's own file system, opened with {@code O_DSYNC} (H2's "rwd" mode): every write H2 makes to the
 * database file is on the storage device when the write returns, so a commit survives a power loss,
 * not only a process crash. H2 itself never forces commits to the device (it syncs only on close
 * and compaction); this is its extension point for file systems ({@link FilePath#register}), used
 * by a URL of the form {@code jdbc:h2:dsync:/path}.
 */
public final class DsyncFilePath extends FilePathWrapper {
  public static final String SCHEME = "dsync";

  /** Makes the {@code dsync:} prefix known to H2 (idempotent). */
  public static void register() {
    FilePath.register(new DsyncFilePath());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return getBase().open("rw".equals(mode) ? "rwd" : mode);
  }
}
