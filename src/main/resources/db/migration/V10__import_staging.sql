-- The one staging table of every spreadsheet import (shared/spreadsheet/StagedImports): a previewed
-- upload waits here, encrypted with the data key, until its uploader confirms it (then it is
-- deleted) or it expires after two hours. kind names the module's import; a token confirms only
-- as the kind and the user it was staged for.
create table kernel.import_staging (
    id          uuid primary key,
    kind        varchar(40) not null,
    uploaded_by varchar(64) not null,
    uploaded_at timestamptz not null,
    file_name   varchar(200) not null,
    content     bytea not null
);

create index import_staging_age on kernel.import_staging (uploaded_at);
