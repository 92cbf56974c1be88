-- Who owes what (plan 115, sections II.1, II.3.2, III.1, III.2). A youth base (cơ sở Đoàn)
-- acts for the units whose Youth Union organisation it is: `youth_base_id` on the unit names
-- it. Each requirement keeps the sentence of the plan it comes from in `basis`.
ALTER TABLE units ADD COLUMN youth_base_id INTEGER REFERENCES units(id);
ALTER TABLE requirements ADD COLUMN basis TEXT NOT NULL DEFAULT '';

-- A store seeded with the shipped plan 115 had every unit owe every item, each organisation
-- twice (a unit and its chi đoàn). It gets the plan's own owners, as the shipped campaign now
-- says; its records stay as they are. Only values still as shipped are changed, so a store
-- whose officer edited them keeps the edit. Stores of other campaigns are left alone.
UPDATE units SET youth_base_id = (SELECT id FROM units WHERE code = 'cd-chinh-quyen')
    WHERE code IN ('vp-ubnd', 'phong-noi-vu', 'phong-tu-phap', 'phong-tc-kh', 'phong-tn-mt',
                   'phong-ld-tbxh', 'phong-vh-tt', 'phong-gd-dt', 'phong-y-te', 'thanh-tra',
                   'phong-qldt', 'phong-kinh-te')
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
UPDATE units SET youth_base_id = (SELECT id FROM units WHERE code = 'dcs-dbdc-hcsn')
    WHERE code IN ('tt-vh-tt', 'bql-da-dtxd', 'tt-y-te', 'ban-bt-gpmb')
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
UPDATE units SET youth_base_id = (SELECT id FROM units WHERE code = 'cd-chi-cuc-thue')
    WHERE code = 'chi-cuc-thue'
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
UPDATE units SET youth_base_id = (SELECT id FROM units WHERE code = 'cd-vpdkdd')
    WHERE code = 'cn-vpdkdd'
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');

UPDATE requirements SET applies_to = 'ward,agency,public_service,vertical',
    basis = 'Mục II.1: “Các cơ quan chuyên môn, đơn vị sự nghiệp, các đơn vị ngành dọc và UBND 11 phường tạo điều kiện cho tổ chức đoàn tại đơn vị đăng ký ít nhất 01 mô hình, giải pháp, sáng kiến về cải cách hành chính.”'
    WHERE code = 'initiative' AND applies_to = 'ward,agency,public_service,vertical,youth_base'
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
UPDATE requirements SET applies_to = 'ward,youth_base',
    basis = 'Mục III.2: “Chỉ đạo các cơ sở Đoàn […] Đăng ký nội dung thực hiện “Ngày thứ Bảy tình nguyện hỗ trợ giải quyết thủ tục hành chính cho người dân, doanh nghiệp” đợt 2 - năm 2022 theo đường dẫn sau […] trước ngày 05/5/2022 (thứ Năm)”; mục II.3.2: “Cơ sở Đoàn triển khai tổ chức thực hiện hoạt động […] tại địa bàn”.'
    WHERE code = 'volunteer-registration' AND applies_to = 'ward,agency,public_service,vertical,youth_base'
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
UPDATE requirements SET applies_to = 'ward,youth_base',
    basis = 'Mục III.2: “[…] và gửi báo cáo nhanh kết quả thực hiện, hình ảnh trước 16 giờ 00 ngày 07/5/2022 (thứ Bảy) về Quận Đoàn thông qua đ/c Nguyễn Thanh Hoàng, Cán bộ Quận Đoàn”.'
    WHERE code = 'quick-report' AND applies_to = 'ward,agency,public_service,vertical,youth_base'
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
UPDATE requirements SET
    basis = 'Mục III.1: “Chỉ đạo Phòng Nội vụ: […] Hướng dẫn, kiểm tra việc đăng ký phong trào thi đua.”; mục II.1: “Tham mưu, đăng ký với cấp ủy Đảng, chính quyền thực hiện vượt trội các nội dung, nhiệm vụ trọng tâm trong công tác cải cách hành chính năm 2022 của đơn vị.”'
    WHERE code = 'emulation-registration' AND basis = ''
      AND EXISTS (SELECT 1 FROM campaign WHERE code = '115/KHLT-UBND-ĐTĐN');
