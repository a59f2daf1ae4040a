package io.liftguard.insurance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.ProductTerms;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every filed version of every product, read from {@code insurance/products/} on the classpath:
 * {@code catalog.json} lists the files oldest first, and a product's last version is the one new
 * quotes use. A file with a problem stops the platform at start (a premium must never be computed
 * from a half-read tariff).
 */
public final class ProductCatalog {
  static final String DIR = "insurance/products/";

  private final Map<String, ProductTerms> byVersion;
  private final Map<Product, ProductTerms> current;

  ProductCatalog(List<ProductTerms> versions) {
    Map<String, ProductTerms> all = new LinkedHashMap<>();
    Map<Product, ProductTerms> latest = new EnumMap<>(Product.class);
    for (ProductTerms t : versions) {
      List<String> problems = t.problems();
      if (!problems.isEmpty()) {
        throw new IllegalStateException(String.join("; ", problems));
      }
      if (all.put(t.version(), t) != null) {
        throw new IllegalStateException("product version " + t.version() + " is filed twice");
      }
      latest.put(t.product(), t);
    }
    for (Product p : Product.values()) {
      if (!latest.containsKey(p)) {
        throw new IllegalStateException("no terms filed for product " + p.wireName());
      }
    }
    this.byVersion = Map.copyOf(all);
    this.current = Map.copyOf(latest);
  }

  public static ProductCatalog load() {
    ObjectMapper json =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .findAndRegisterModules();
    JsonNode index = read(json, DIR + "catalog.json", JsonNode.class);
    List<ProductTerms> versions = new ArrayList<>();
    for (JsonNode file : index.get("versions")) {
      // "_comment" and other fields starting with "_" are notes for people, not terms.
      ObjectNode terms = read(json, DIR + file.asText(), ObjectNode.class);
      List<String> notes = new ArrayList<>();
      terms
          .fieldNames()
          .forEachRemaining(
              k -> {
                if (k.startsWith("_")) {
                  notes.add(k);
                }
              });
      terms.remove(notes);
      versions.add(json.convertValue(terms, ProductTerms.class));
    }
    return new ProductCatalog(versions);
  }

  /** The terms new quotes for {@code product} use. */
  public ProductTerms current(Product product) {
    return current.get(product);
  }

  /** The terms filed as {@code version}, which a policy names. */
  public Optional<ProductTerms> version(String version) {
    return Optional.ofNullable(byVersion.get(version));
  }

  /**
   * {@link #version}, for a policy that names it (a missing one is a deployment error, not bad
   * input).
   */
  public ProductTerms terms(String version) {
    return version(version)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "product version "
                        + version
                        + " is not in the catalog: filed versions must never be removed"));
  }

  private static <T> T read(ObjectMapper json, String resource, Class<T> type) {
    try (InputStream in = ProductCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
