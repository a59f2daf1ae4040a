-- What other modules may read of the fleet read model: these views, never the tables behind them (which the fleet
-- projection alone writes and may reshape). Regulation's KPIs, action lists and ratings, insurance's underwriting and
-- calibration, and rescue's district of an alarm read them (docs/architecture.md; ArchitectureTest).
-- (V2 and V8 moved to the kernel's migrations: the projections' own tables.)
CREATE VIEW fleet_elevator_public AS SELECT * FROM fleet_elevator;
CREATE VIEW fleet_history_public AS SELECT * FROM fleet_history;
