package io.liftguard.api.dto;

import java.util.List;

/**
 * Every error the API answers has this shape: a stable code, a sentence, and one line per problem.
 */
public record ErrorBody(String error, String message, List<String> details) {}
