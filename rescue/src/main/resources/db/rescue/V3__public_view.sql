-- What other modules may read of the rescue read model (regulation's KPIs): this view, never the table behind it.
CREATE VIEW rescue_case_public AS SELECT * FROM rescue_case;
