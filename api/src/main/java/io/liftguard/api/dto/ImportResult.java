package io.liftguard.api.dto;

/** The answer to a register import. */
public record ImportResult(int rows, int created, int unchanged) {}
