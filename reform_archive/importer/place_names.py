"""Place-name data for :mod:`.places` (data only, no logic).

Sources and limits:

* ``PROVINCES``, ``NEW_CITIES``, ``PROVINCE_SPELLINGS``: from :mod:`reform_archive.text.province_names`
  (the 63 units in force until 30 June 2025, and the city of Huế, which replaced Thừa Thiên Huế).
* ``DISTRICTS``: the district-level units (quận, huyện, thị xã, provincial cities) of the General Statistics
  Office list as of early 2025, before districts were abolished on 1 July 2025 (as shipped by the
  ``vietnam-provinces`` package, version 0.6.0).
* ``FORMER_DISTRICTS``: units merged away that older articles still name: those in the same package's GSO
  lists of 2020-2024 but gone by 2025, plus Từ Liêm (Hà Nội, split in 2013), Hoành Bồ (Quảng Ninh) and
  Kỳ Sơn (Hòa Bình), both merged in 2020. A unit that moved province is filed under its current one
  (Mê Linh: Vĩnh Phúc until 2008, now Hà Nội).
* ``TOWN_NAME_CLASHES``: district names that, in those GSO lists, are also the name of a thị trấn in another
  province, so "thị trấn X" does not tell the province.

All names are NFC with the tone mark on the first vowel of open "oa", "oe", "uy" ("Hòa", "Thủy"), as in the
canonical province names; :mod:`.places` generates the other tone placement and the Đắk/Đăk spellings itself.
"""

from __future__ import annotations

from reform_archive.text import province_names as shared

__all__ = [
    "DISTRICTS",
    "DISTRICT_SPELLINGS",
    "FORMER_DISTRICTS",
    "MARKER_ONLY_SPELLINGS",
    "NEW_CITIES",
    "NOT_PROVINCES",
    "PROVINCES",
    "PROVINCE_SPELLINGS",
    "TOWN_NAME_CLASHES",
]

# The province lists are shared with the build (front matter's `provinces:`): they live in
# reform_archive/text/province_names.py, with their sources.
PROVINCES: tuple[str, ...] = shared.PROVINCES
NEW_CITIES: tuple[str, ...] = shared.NEW_CITIES
PROVINCE_SPELLINGS: dict[str, tuple[str, ...]] = shared.PROVINCE_SPELLINGS

# Spellings that count only right after "thành phố", "TP." etc.: alone they mostly name a person
# ("tư tưởng Hồ Chí Minh", "bà Nguyễn Thị Huế") or an institution ("Đại học Huế").
MARKER_ONLY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Hồ Chí Minh": ("Hồ Chí Minh", "HCM"),
    "Huế": ("Huế",),
}

# Longer proper names that contain a province's name but are not about it; matched and dropped.
NOT_PROVINCES: tuple[str, ...] = (
    "Thái Bình Dương",  # the Pacific Ocean
    "Hà Nam Ninh",  # 1975-1991 province, now Hà Nam, Nam Định and Ninh Bình
    "Đồng Tháp Mười",  # the Plain of Reeds, across Long An, Đồng Tháp and Tiền Giang
)

# Province -> its district-level units, early 2025. A name listed under two provinces (here or in
# FORMER_DISTRICTS) implies neither. "Huế" holds the two quận created with the city in January 2025.
DISTRICTS: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng",
        "Hoàng Mai", "Thanh Xuân", "Sóc Sơn", "Đông Anh", "Gia Lâm", "Nam Từ Liêm", "Thanh Trì",
        "Bắc Từ Liêm", "Mê Linh", "Hà Đông", "Sơn Tây", "Ba Vì", "Phúc Thọ", "Đan Phượng", "Hoài Đức",
        "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên", "Ứng Hòa", "Mỹ Đức"),
    "Hà Giang": ("Hà Giang", "Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Vị Xuyên", "Bắc Mê",
        "Hoàng Su Phì", "Xín Mần", "Bắc Quang", "Quang Bình"),
    "Cao Bằng": ("Cao Bằng", "Bảo Lâm", "Bảo Lạc", "Hà Quảng", "Trùng Khánh", "Hạ Lang", "Quảng Hòa",
        "Hòa An", "Nguyên Bình", "Thạch An"),
    "Bắc Kạn": ("Bắc Kạn", "Pác Nặm", "Ba Bể", "Ngân Sơn", "Bạch Thông", "Chợ Đồn", "Chợ Mới", "Na Rì"),
    "Tuyên Quang": ("Tuyên Quang", "Lâm Bình", "Na Hang", "Chiêm Hóa", "Hàm Yên", "Yên Sơn", "Sơn Dương"),
    "Lào Cai": ("Lào Cai", "Bát Xát", "Mường Khương", "Si Ma Cai", "Bắc Hà", "Bảo Thắng", "Bảo Yên", "Sa Pa",
        "Văn Bàn"),
    "Điện Biên": ("Điện Biên Phủ", "Mường Lay", "Mường Nhé", "Mường Chà", "Tủa Chùa", "Tuần Giáo",
        "Điện Biên", "Điện Biên Đông", "Mường Ảng", "Nậm Pồ"),
    "Lai Châu": ("Lai Châu", "Tam Đường", "Mường Tè", "Sìn Hồ", "Phong Thổ", "Than Uyên", "Tân Uyên",
        "Nậm Nhùn"),
    "Sơn La": ("Sơn La", "Quỳnh Nhai", "Thuận Châu", "Mường La", "Bắc Yên", "Phù Yên", "Mộc Châu", "Yên Châu",
        "Mai Sơn", "Sông Mã", "Sốp Cộp", "Vân Hồ"),
    "Yên Bái": ("Yên Bái", "Nghĩa Lộ", "Lục Yên", "Văn Yên", "Mù Căng Chải", "Trấn Yên", "Trạm Tấu",
        "Văn Chấn", "Yên Bình"),
    "Hòa Bình": ("Hòa Bình", "Đà Bắc", "Lương Sơn", "Kim Bôi", "Cao Phong", "Tân Lạc", "Mai Châu", "Lạc Sơn",
        "Yên Thủy", "Lạc Thủy"),
    "Thái Nguyên": ("Thái Nguyên", "Sông Công", "Định Hóa", "Phú Lương", "Đồng Hỷ", "Võ Nhai", "Đại Từ",
        "Phổ Yên", "Phú Bình"),
    "Lạng Sơn": ("Lạng Sơn", "Tràng Định", "Bình Gia", "Văn Lãng", "Cao Lộc", "Văn Quan", "Bắc Sơn",
        "Hữu Lũng", "Chi Lăng", "Lộc Bình", "Đình Lập"),
    "Quảng Ninh": ("Hạ Long", "Móng Cái", "Cẩm Phả", "Uông Bí", "Bình Liêu", "Tiên Yên", "Đầm Hà", "Hải Hà",
        "Ba Chẽ", "Vân Đồn", "Đông Triều", "Quảng Yên", "Cô Tô"),
    "Bắc Giang": ("Bắc Giang", "Yên Thế", "Tân Yên", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động",
        "Việt Yên", "Hiệp Hòa", "Chũ"),
    "Phú Thọ": ("Việt Trì", "Phú Thọ", "Đoan Hùng", "Hạ Hòa", "Thanh Ba", "Phù Ninh", "Yên Lập", "Cẩm Khê",
        "Tam Nông", "Lâm Thao", "Thanh Sơn", "Thanh Thủy", "Tân Sơn"),
    "Vĩnh Phúc": ("Vĩnh Yên", "Phúc Yên", "Lập Thạch", "Tam Dương", "Tam Đảo", "Bình Xuyên", "Yên Lạc",
        "Vĩnh Tường", "Sông Lô"),
    "Bắc Ninh": ("Bắc Ninh", "Yên Phong", "Quế Võ", "Tiên Du", "Từ Sơn", "Thuận Thành", "Gia Bình",
        "Lương Tài"),
    "Hải Dương": ("Hải Dương", "Chí Linh", "Nam Sách", "Kinh Môn", "Kim Thành", "Thanh Hà", "Cẩm Giàng",
        "Bình Giang", "Gia Lộc", "Tứ Kỳ", "Ninh Giang", "Thanh Miện"),
    "Hải Phòng": ("Hồng Bàng", "Ngô Quyền", "Lê Chân", "Hải An", "Kiến An", "Đồ Sơn", "Dương Kinh",
        "Thủy Nguyên", "An Dương", "An Lão", "Kiến Thụy", "Tiên Lãng", "Vĩnh Bảo", "Cát Hải", "Bạch Long Vĩ"),
    "Hưng Yên": ("Hưng Yên", "Văn Lâm", "Văn Giang", "Yên Mỹ", "Mỹ Hào", "Ân Thi", "Khoái Châu", "Kim Động",
        "Tiên Lữ", "Phù Cừ"),
    "Thái Bình": ("Thái Bình", "Quỳnh Phụ", "Hưng Hà", "Đông Hưng", "Thái Thụy", "Tiền Hải", "Kiến Xương",
        "Vũ Thư"),
    "Hà Nam": ("Phủ Lý", "Duy Tiên", "Kim Bảng", "Thanh Liêm", "Bình Lục", "Lý Nhân"),
    "Nam Định": ("Nam Định", "Vụ Bản", "Ý Yên", "Nghĩa Hưng", "Nam Trực", "Trực Ninh", "Xuân Trường",
        "Giao Thủy", "Hải Hậu"),
    "Ninh Bình": ("Tam Điệp", "Nho Quan", "Gia Viễn", "Hoa Lư", "Yên Khánh", "Kim Sơn", "Yên Mô"),
    "Thanh Hóa": ("Thanh Hóa", "Bỉm Sơn", "Sầm Sơn", "Mường Lát", "Quan Hóa", "Bá Thước", "Quan Sơn",
        "Lang Chánh", "Ngọc Lặc", "Cẩm Thủy", "Thạch Thành", "Hà Trung", "Vĩnh Lộc", "Yên Định", "Thọ Xuân",
        "Thường Xuân", "Triệu Sơn", "Thiệu Hóa", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Như Xuân", "Như Thanh",
        "Nông Cống", "Quảng Xương", "Nghi Sơn"),
    "Nghệ An": ("Vinh", "Thái Hòa", "Quế Phong", "Quỳ Châu", "Kỳ Sơn", "Tương Dương", "Nghĩa Đàn", "Quỳ Hợp",
        "Quỳnh Lưu", "Con Cuông", "Tân Kỳ", "Anh Sơn", "Diễn Châu", "Yên Thành", "Đô Lương", "Thanh Chương",
        "Nghi Lộc", "Nam Đàn", "Hưng Nguyên", "Hoàng Mai"),
    "Hà Tĩnh": ("Hà Tĩnh", "Hồng Lĩnh", "Hương Sơn", "Đức Thọ", "Vũ Quang", "Nghi Xuân", "Can Lộc",
        "Hương Khê", "Thạch Hà", "Cẩm Xuyên", "Kỳ Anh"),
    "Quảng Bình": ("Đồng Hới", "Minh Hóa", "Tuyên Hóa", "Quảng Trạch", "Bố Trạch", "Quảng Ninh", "Lệ Thủy",
        "Ba Đồn"),
    "Quảng Trị": ("Đông Hà", "Quảng Trị", "Vĩnh Linh", "Hướng Hóa", "Gio Linh", "Đa Krông", "Cam Lộ",
        "Triệu Phong", "Hải Lăng", "Cồn Cỏ"),
    "Thừa Thiên Huế": ("Phong Điền", "Quảng Điền", "Phú Vang", "Hương Thủy", "Hương Trà", "A Lưới",
        "Phú Lộc"),
    "Huế": ("Phú Xuân", "Thuận Hóa"),
    "Đà Nẵng": ("Liên Chiểu", "Thanh Khê", "Hải Châu", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Vang",
        "Hoàng Sa"),
    "Quảng Nam": ("Tam Kỳ", "Hội An", "Tây Giang", "Đông Giang", "Đại Lộc", "Điện Bàn", "Duy Xuyên",
        "Quế Sơn", "Nam Giang", "Phước Sơn", "Hiệp Đức", "Thăng Bình", "Tiên Phước", "Bắc Trà My",
        "Nam Trà My", "Núi Thành", "Phú Ninh"),
    "Quảng Ngãi": ("Quảng Ngãi", "Bình Sơn", "Trà Bồng", "Sơn Tịnh", "Tư Nghĩa", "Sơn Hà", "Sơn Tây",
        "Minh Long", "Nghĩa Hành", "Mộ Đức", "Đức Phổ", "Ba Tơ", "Lý Sơn"),
    "Bình Định": ("Quy Nhơn", "An Lão", "Hoài Nhơn", "Hoài Ân", "Phù Mỹ", "Vĩnh Thạnh", "Tây Sơn", "Phù Cát",
        "An Nhơn", "Tuy Phước", "Vân Canh"),
    "Phú Yên": ("Tuy Hòa", "Sông Cầu", "Đồng Xuân", "Tuy An", "Sơn Hòa", "Sông Hinh", "Tây Hòa", "Phú Hòa",
        "Đông Hòa"),
    "Khánh Hòa": ("Nha Trang", "Cam Ranh", "Cam Lâm", "Vạn Ninh", "Ninh Hòa", "Khánh Vĩnh", "Diên Khánh",
        "Khánh Sơn", "Trường Sa"),
    "Ninh Thuận": ("Phan Rang - Tháp Chàm", "Bác Ái", "Ninh Sơn", "Ninh Hải", "Ninh Phước", "Thuận Bắc",
        "Thuận Nam"),
    "Bình Thuận": ("Phan Thiết", "La Gi", "Tuy Phong", "Bắc Bình", "Hàm Thuận Bắc", "Hàm Thuận Nam",
        "Tánh Linh", "Đức Linh", "Hàm Tân", "Phú Quý"),
    "Kon Tum": ("Kon Tum", "Đắk Glei", "Ngọc Hồi", "Đắk Tô", "Kon Plông", "Kon Rẫy", "Đắk Hà", "Sa Thầy",
        "Tu Mơ Rông", "Ia H'Drai"),
    "Gia Lai": ("Pleiku", "An Khê", "Ayun Pa", "Kbang", "Đăk Đoa", "Chư Păh", "Ia Grai", "Mang Yang",
        "Kông Chro", "Đức Cơ", "Chư Prông", "Chư Sê", "Đăk Pơ", "Ia Pa", "Krông Pa", "Phú Thiện", "Chư Pưh"),
    "Đắk Lắk": ("Buôn Ma Thuột", "Buôn Hồ", "Ea H'Leo", "Ea Súp", "Buôn Đôn", "Cư M'Gar", "Krông Búk",
        "Krông Năng", "Ea Kar", "M'Đrắk", "Krông Bông", "Krông Pắc", "Krông A Na", "Lắk", "Cư Kuin"),
    "Đắk Nông": ("Gia Nghĩa", "Đăk Glong", "Cư Jút", "Đắk Mil", "Krông Nô", "Đắk Song", "Đắk R'Lấp",
        "Tuy Đức"),
    "Lâm Đồng": ("Đà Lạt", "Bảo Lộc", "Đam Rông", "Lạc Dương", "Lâm Hà", "Đơn Dương", "Đức Trọng", "Di Linh",
        "Bảo Lâm", "Đạ Huoai"),
    "Bình Phước": ("Phước Long", "Đồng Xoài", "Bình Long", "Bù Gia Mập", "Lộc Ninh", "Bù Đốp", "Hớn Quản",
        "Đồng Phú", "Bù Đăng", "Chơn Thành", "Phú Riềng"),
    "Tây Ninh": ("Tây Ninh", "Tân Biên", "Tân Châu", "Dương Minh Châu", "Châu Thành", "Hòa Thành", "Gò Dầu",
        "Bến Cầu", "Trảng Bàng"),
    "Bình Dương": ("Thủ Dầu Một", "Bàu Bàng", "Dầu Tiếng", "Bến Cát", "Phú Giáo", "Tân Uyên", "Dĩ An",
        "Thuận An", "Bắc Tân Uyên"),
    "Đồng Nai": ("Biên Hòa", "Long Khánh", "Tân Phú", "Vĩnh Cửu", "Định Quán", "Trảng Bom", "Thống Nhất",
        "Cẩm Mỹ", "Long Thành", "Xuân Lộc", "Nhơn Trạch"),
    "Bà Rịa - Vũng Tàu": ("Vũng Tàu", "Bà Rịa", "Châu Đức", "Xuyên Mộc", "Long Đất", "Phú Mỹ", "Côn Đảo"),
    "Hồ Chí Minh": ("1", "3", "4", "5", "6", "7", "8", "10", "11", "12", "Gò Vấp", "Bình Thạnh", "Tân Bình",
        "Tân Phú", "Phú Nhuận", "Thủ Đức", "Bình Tân", "Củ Chi", "Hóc Môn", "Bình Chánh", "Nhà Bè",
        "Cần Giờ"),
    "Long An": ("Tân An", "Kiến Tường", "Tân Hưng", "Vĩnh Hưng", "Mộc Hóa", "Tân Thạnh", "Thạnh Hóa",
        "Đức Huệ", "Đức Hòa", "Bến Lức", "Thủ Thừa", "Tân Trụ", "Cần Đước", "Cần Giuộc", "Châu Thành"),
    "Tiền Giang": ("Mỹ Tho", "Gò Công", "Cai Lậy", "Tân Phước", "Cái Bè", "Châu Thành", "Chợ Gạo",
        "Gò Công Tây", "Gò Công Đông", "Tân Phú Đông"),
    "Bến Tre": ("Bến Tre", "Châu Thành", "Chợ Lách", "Mỏ Cày Nam", "Giồng Trôm", "Bình Đại", "Ba Tri",
        "Thạnh Phú", "Mỏ Cày Bắc"),
    "Trà Vinh": ("Trà Vinh", "Càng Long", "Cầu Kè", "Tiểu Cần", "Châu Thành", "Cầu Ngang", "Trà Cú",
        "Duyên Hải"),
    "Vĩnh Long": ("Vĩnh Long", "Long Hồ", "Mang Thít", "Vũng Liêm", "Tam Bình", "Bình Minh", "Trà Ôn",
        "Bình Tân"),
    "Đồng Tháp": ("Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Tân Hồng", "Tam Nông", "Tháp Mười", "Thanh Bình",
        "Lấp Vò", "Lai Vung", "Châu Thành"),
    "An Giang": ("Long Xuyên", "Châu Đốc", "An Phú", "Tân Châu", "Phú Tân", "Châu Phú", "Tịnh Biên",
        "Tri Tôn", "Châu Thành", "Chợ Mới", "Thoại Sơn"),
    "Kiên Giang": ("Rạch Giá", "Hà Tiên", "Kiên Lương", "Hòn Đất", "Tân Hiệp", "Châu Thành", "Giồng Riềng",
        "Gò Quao", "An Biên", "An Minh", "Vĩnh Thuận", "Phú Quốc", "Kiên Hải", "U Minh Thượng",
        "Giang Thành"),
    "Cần Thơ": ("Ninh Kiều", "Ô Môn", "Bình Thủy", "Cái Răng", "Thốt Nốt", "Vĩnh Thạnh", "Cờ Đỏ",
        "Phong Điền", "Thới Lai"),
    "Hậu Giang": ("Vị Thanh", "Ngã Bảy", "Châu Thành A", "Châu Thành", "Phụng Hiệp", "Vị Thủy", "Long Mỹ"),
    "Sóc Trăng": ("Sóc Trăng", "Châu Thành", "Kế Sách", "Mỹ Tú", "Cù Lao Dung", "Long Phú", "Mỹ Xuyên",
        "Ngã Năm", "Thạnh Trị", "Vĩnh Châu", "Trần Đề"),
    "Bạc Liêu": ("Bạc Liêu", "Hồng Dân", "Phước Long", "Vĩnh Lợi", "Giá Rai", "Đông Hải", "Hòa Bình"),
    "Cà Mau": ("Cà Mau", "U Minh", "Thới Bình", "Trần Văn Thời", "Cái Nước", "Đầm Dơi", "Năm Căn", "Phú Tân",
        "Ngọc Hiển"),
}

# Units merged or abolished before 2025 whose names older articles use.
FORMER_DISTRICTS: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Từ Liêm",),
    "Cao Bằng": ("Phục Hòa", "Quảng Uyên", "Thông Nông", "Trà Lĩnh"),
    "Hòa Bình": ("Kỳ Sơn",),
    "Quảng Ninh": ("Hoành Bồ",),
    "Bắc Giang": ("Yên Dũng",),
    "Nam Định": ("Mỹ Lộc",),
    "Thanh Hóa": ("Tĩnh Gia", "Đông Sơn"),
    "Nghệ An": ("Cửa Lò",),
    "Hà Tĩnh": ("Lộc Hà",),
    "Thừa Thiên Huế": ("Nam Đông",),
    "Quảng Nam": ("Nông Sơn",),
    "Quảng Ngãi": ("Tây Trà",),
    "Lâm Đồng": ("Cát Tiên", "Đạ Tẻh"),
    "Bà Rịa - Vũng Tàu": ("Long Điền", "Đất Đỏ"),
    "Hồ Chí Minh": ("2", "9"),
}

# District name -> other spellings in use (GSO's own spelling, or the common one).
DISTRICT_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Quy Nhơn": ("Qui Nhơn",),
    "Phú Quý": ("Phú Quí",),
    "Buôn Ma Thuột": ("Buôn Mê Thuột",),
    "Sa Pa": ("Sapa",),
    "Kbang": ("K'Bang",),
    "Krông A Na": ("Krông Ana",),
    "Phan Rang - Tháp Chàm": ("Phan Rang",),
    "Bắc Kạn": ("Bắc Cạn",),
}

TOWN_NAME_CLASHES: frozenset[str] = frozenset({
    "Bình Minh", "Chi Lăng", "Cô Tô", "Hiệp Hòa", "Hương Sơn", "Hội An", "Kim Sơn", "Long Thành", "Lương Sơn",
    "Nam Giang", "Phú Hòa", "Phú Mỹ", "Sóc Sơn", "Sông Cầu", "Thanh Bình", "Thuận An", "Thuận Nam",
    "Thống Nhất", "Tân An", "Tân Bình", "Tân Hiệp", "Tân Lạc", "Tân Sơn", "Tân Yên", "Tây Sơn", "Vĩnh Lộc",
    "Vụ Bản", "Yên Bình", "Yên Thế", "Yên Định",
})
