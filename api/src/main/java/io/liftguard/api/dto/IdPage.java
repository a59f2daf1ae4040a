package io.liftguard.api.dto;

import java.util.List;

/**
 * A page of registered elevator ids; pass {@code next} as {@code after} for the following page
 * (null at the end).
 */
public record IdPage(List<String> items, String next) {}
