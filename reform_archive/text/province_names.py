"""Province names and the 2025 reorganisation: data only, shared by the importer and the build.

Sources and limits:

* ``PROVINCES``: the 63 provinces and centrally-run cities in force until 30 June 2025, in the
  General Statistics Office's north-to-south order. Since 1 July 2025 there are 34 units; all of
  their names are among these 63 except the city of Huế (``NEW_CITIES``), which replaced Thừa
  Thiên Huế on 1 January 2025 (Nghị quyết 175/2024/QH15).
* ``MERGED_2025``: Nghị quyết 202/2025/QH15 of the National Assembly (12 June 2025), whose new
  units began work on 1 July 2025: 52 units merged into 23, each named after one of its members,
  and 11 left as they were (``UNCHANGED_2025``). Checked against the resolution's list as the
  press printed it (vietnamnews.vn, 4 July 2025; vietaustralia.com's map of the 34 units), which
  matches the list attached to Nghị quyết 60-NQ/TW (12 April 2025).
* ``CITIES``: the six centrally-run cities after 1 July 2025 (the other 28 units are provinces).

All names are NFC with the tone mark on the first vowel of open "oa", "oe", "uy" ("Hòa", "Thủy").
"""

from __future__ import annotations

__all__ = [
    "CITIES",
    "FRONT_MATTER_SPELLINGS",
    "INFORMAL_NAMES",
    "MERGED_2025",
    "NEW_CITIES",
    "PROVINCES",
    "PROVINCE_SPELLINGS",
    "UNCHANGED_2025",
]

# Pre-July-2025 units, in the GSO's north-to-south order; these are the canonical spellings.
PROVINCES: tuple[str, ...] = (
    "Hà Nội",
    "Hà Giang",
    "Cao Bằng",
    "Bắc Kạn",
    "Tuyên Quang",
    "Lào Cai",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Yên Bái",
    "Hòa Bình",
    "Thái Nguyên",
    "Lạng Sơn",
    "Quảng Ninh",
    "Bắc Giang",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Bắc Ninh",
    "Hải Dương",
    "Hải Phòng",
    "Hưng Yên",
    "Thái Bình",
    "Hà Nam",
    "Nam Định",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Quảng Nam",
    "Quảng Ngãi",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Ninh Thuận",
    "Bình Thuận",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Tây Ninh",
    "Bình Dương",
    "Đồng Nai",
    "Bà Rịa - Vũng Tàu",
    "Hồ Chí Minh",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Vĩnh Long",
    "Đồng Tháp",
    "An Giang",
    "Kiên Giang",
    "Cần Thơ",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Cà Mau",
)

# Units created by the 2025 reorganisations whose name is not one of the 63.
NEW_CITIES: tuple[str, ...] = ("Huế",)

# Other spellings the press uses, recognised in running text when written with their capitals (or
# after "tỉnh", "TP." ...). Đắk Lắk / Đắk Nông spellings ("Đăk Lăk", "Daklak", ...) are generated
# by the importer's places.py.
PROVINCE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Bắc Kạn": ("Bắc Cạn",),
    "Điện Biên": ("Điện Biên Phủ",),  # the provincial capital, and the battle, named as the place
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "TT-Huế", "TT.Huế", "TT. Huế"),
    "Kon Tum": ("Kontum", "KonTum"),
    "Bà Rịa - Vũng Tàu": ("Bà Rịa Vũng Tàu", "BR-VT", "BRVT"),
    "Hồ Chí Minh": ("Sài Gòn",),
}

# More spellings for a front matter's `provinces:`, where the whole value is a name, so the short
# forms running text cannot trust ("HCM", "Huế") are safe. Written forms differing from these only in
# case, spacing, dashes, dots, a leading "tỉnh"/"thành phố"/"TP." or tone placement match too.
FRONT_MATTER_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Hồ Chí Minh": ("HCM", "TPHCM", "HCMC"),
    "Đắk Lắk": ("Đăk Lăk", "Đắk Lăk", "Đăk Lắk", "Đắc Lắc", "Đắk Lắc"),
    "Đắk Nông": ("Đăk Nông", "Đắc Nông"),
}

# Names people use that are not administrative names: filed under their unit, with a note saying so.
INFORMAL_NAMES: frozenset[str] = frozenset({"Sài Gòn"})

# Nghị quyết 202/2025/QH15, in force for the new units from 1 July 2025: each new unit and the units it
# was formed from, the one whose name it took first.
MERGED_2025: dict[str, tuple[str, ...]] = {
    "Tuyên Quang": ("Tuyên Quang", "Hà Giang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}

UNCHANGED_2025: tuple[str, ...] = (
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
)

CITIES: frozenset[str] = frozenset({"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"})
