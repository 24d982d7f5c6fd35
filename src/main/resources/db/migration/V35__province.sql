-- Issue 13, province scale: the region tree gets a province above the city, Shandong (370000), so
-- that one installation can hold the province's sixteen cities and a province's figures are one
-- scope like any other ('/370000/' covers every city, as '/370000/371600/' covers Binzhou's
-- counties). Every data-scope path in the database is re-rooted under the province in this one
-- transaction:
--   * every column named region_path of every table (found in the catalogue, so a module's table is
--     not forgotten), and region.region's own path;
--   * user triggers are switched off meanwhile: the figure caches (reporting.*) are renamed with
--     their sources, so no day needs counting again (the audit log keeps no path and is untouched);
--   * sessions are deleted: their security contexts hold the old paths (everyone logs in again).
-- A fresh installation has only the region tree to move; Binzhou's running one moves its rows once.

alter table region.region drop constraint region_level_check;
alter table region.region add constraint region_level_check
    check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'));

insert into region.region (code, parent_code, name, level, path)
values ('370000', null, '山东省', 'PROVINCE', '/370000/');

update region.region
   set path = '/370000' || path
 where code <> '370000' and path not like '/370000/%';

update region.region set parent_code = '370000' where parent_code is null and code <> '370000';

do $$
declare
    t record;
begin
    for t in
        select c.table_schema, c.table_name
          from information_schema.columns c
          join information_schema.tables b
            on b.table_schema = c.table_schema and b.table_name = c.table_name
         where c.column_name = 'region_path' and b.table_type = 'BASE TABLE'
         order by 1, 2
    loop
        execute format('alter table %I.%I disable trigger user', t.table_schema, t.table_name);
        execute format(
            'update %I.%I set region_path = %L || region_path where region_path not like %L',
            t.table_schema, t.table_name, '/370000', '/370000/%');
        execute format('alter table %I.%I enable trigger user', t.table_schema, t.table_name);
    end loop;
end $$;

delete from identity.spring_session_attributes;
delete from identity.spring_session;
