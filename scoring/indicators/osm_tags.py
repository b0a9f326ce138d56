"""OSM tags that GDAL's OSM driver leaves in the ``other_tags`` hstore text
(``"bus"=>"yes","surface"=>"asphalt"``), made into ordinary columns."""

import re
from typing import Dict, Iterable

import geopandas as gpd
import pandas as pd

OTHER_TAGS = "other_tags"
_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


def parse_other_tags(text) -> Dict[str, str]:
    if not isinstance(text, str):
        return {}
    return {key: value.replace('\\"', '"') for key, value in _PAIR.findall(text)}


def with_tag_columns(layer: gpd.GeoDataFrame, keys: Iterable[str]) -> gpd.GeoDataFrame:
    """The layer with a column per key that is missing as a field but occurs in
    ``other_tags``; unchanged when there is no ``other_tags`` field."""
    missing = [key for key in keys if key not in layer.columns]
    if not missing or OTHER_TAGS not in layer.columns:
        return layer
    tags = layer[OTHER_TAGS].map(parse_other_tags)
    extra = pd.DataFrame({key: tags.map(lambda t, k=key: t.get(k)) for key in missing})
    extra = extra.loc[:, extra.notna().any()]
    return layer.join(extra) if len(extra.columns) else layer
