-- Owned by org.codecred.staging.RenderingNpiTable: no other class reads or writes this table.
-- The month's rendering NPIs with their line counts and first and last service dates, staged once
-- after the load (step listRenderingNpis) so the later steps read a few thousand rows instead of
-- each grouping the month's lines again.
CREATE TABLE IF NOT EXISTS codecred.rendering_npi (
    month            CHAR(7)       NOT NULL,
    rendering_npi    CHAR(10)      NOT NULL,
    lines            BIGINT        NOT NULL,
    first_service    DATE          NOT NULL,
    last_service     DATE          NOT NULL,
    PRIMARY KEY (month, rendering_npi)
)
;
