-- The Saturday figures that measure each assigned task (comma-separated figure codes, in the
-- grid's order), so tab 4 and a unit's detail can show the task with its figures. Stores
-- seeded with the shipped plan 115 get the figures its three tasks name (section II.3.1);
-- a store of another campaign keeps none until its campaign says.
ALTER TABLE tasks ADD COLUMN figures TEXT NOT NULL DEFAULT '';
UPDATE tasks SET figures = 'citizens,businesses,online_guided'
    WHERE unit_id IN (SELECT id FROM units WHERE code = 'cd-chinh-quyen')
      AND title = 'Đội hình tình nguyện tư vấn pháp luật, hướng dẫn TTHC';
UPDATE tasks SET figures = 'land_total,land_resolved'
    WHERE unit_id IN (SELECT id FROM units WHERE code = 'cd-vpdkdd') AND kpi_code = 'land-files-week';
UPDATE tasks SET figures = 'einvoice'
    WHERE unit_id IN (SELECT id FROM units WHERE code = 'cd-chi-cuc-thue')
      AND title = 'Đội hình tình nguyện hướng dẫn khai báo hóa đơn điện tử';
