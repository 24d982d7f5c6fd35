-- A region is never deleted once data may use it: it is closed (撤销), stays in the tree marked
-- closed, and is no longer offered for new users and centers.
alter table region.region add column closed_at timestamptz;
alter table region.region add column closed_by varchar(64);
