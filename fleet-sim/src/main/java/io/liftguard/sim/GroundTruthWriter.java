package io.liftguard.sim;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes what really happened, for scoring models: {@code elevators.csv.gz} (static facts incl.
 * hidden ones), {@code events.csv.gz} (every simulated event, integrity cases marked) and {@code
 * monthly.csv.gz} (per elevator and month: true mean daily fault hazard, faults, entrapments).
 */
public final class GroundTruthWriter implements Consumer<ElevatorHistory>, Closeable {
  private final Writer elevators;
  private final Writer events;
  private final Writer monthly;

  public GroundTruthWriter(Path dir) throws IOException {
    Files.createDirectories(dir);
    elevators =
        open(
            dir.resolve("elevators.csv.gz"),
            "index,id,district,buildingType,ageYears,driveType,brakeType,threeNo,company,floors,safetyCircuitBypassed");
    events =
        open(dir.resolve("events.csv.gz"), "elevator,day,minute,kind,faultType,value,injected");
    monthly =
        open(
            dir.resolve("monthly.csv.gz"), "elevator,month,trueMeanDailyHazard,faults,entrapments");
  }

  private static Writer open(Path file, String header) throws IOException {
    Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8),
            1 << 16);
    w.write(header);
    w.write('\n');
    return w;
  }

  @Override
  public void accept(ElevatorHistory h) {
    try {
      SimElevator e = h.elevator();
      elevators.write(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%s,%.2f,%s,%s,%b,%d,%d,%b%n",
              e.index(),
              e.id(),
              e.district(),
              e.buildingType(),
              e.ageYears(),
              e.driveType(),
              e.brakeType(),
              e.threeNo(),
              e.company(),
              e.floors(),
              e.safetyCircuitBypassed()));
      for (SimEvent ev : h.events()) {
        boolean injected =
            ev.kind() == SimEvent.Kind.FALSE_REPORT || ev.kind() == SimEvent.Kind.MAINTENANCE_FAKED;
        events.write(
            ev.elevator()
                + ","
                + ev.day()
                + ","
                + ev.minute()
                + ","
                + ev.kind()
                + ","
                + (ev.faultType() == null ? "" : ev.faultType())
                + ","
                + String.format(Locale.ROOT, "%.2f", ev.value())
                + ","
                + injected
                + "\n");
      }
      for (int m = 0; m < h.monthlyMeanHazard().length; m++) {
        monthly.write(
            e.index()
                + ","
                + m
                + ","
                + String.format(Locale.ROOT, "%.6g", h.monthlyMeanHazard()[m])
                + ","
                + h.monthlyFaults()[m]
                + ","
                + h.monthlyEntrapments()[m]
                + "\n");
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public void close() throws IOException {
    elevators.close();
    events.close();
    monthly.close();
  }
}
