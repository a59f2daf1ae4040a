package io.liftguard.api.dto;

/** The answer to a write on one twin: "created", "unchanged", "recorded" or "duplicate". */
public record WriteResult(String elevatorId, String outcome) {}
