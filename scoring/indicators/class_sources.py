"""The land-cover class mappings of ``resources/profiles/landcover_classes.toml`` (see
``cover.load_class_mapping``), in the order the algorithms' class-mapping parameter lists
them. Imports nothing, so an algorithm can name them before geopandas is known to be
there."""

CLASS_SOURCES = ("bgt", "osm")
