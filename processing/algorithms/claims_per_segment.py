"""wijkdiagnose:claims_per_segment — the ondergrond claims of each wijk laid on its street
segments, with the widths, capacity, pressure and conflict of every segment."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ...compat import SOURCE_LINE, SOURCE_POLYGON, SOURCE_VECTOR, WKB_MULTI_LINE
from ...i18n import localized
from ...paths import SEGMENT_STYLE
from ...scoring.claims.capacity import CAPACITY_INPUTS
from ...scoring.claims.compute import compute_claims
from ...scoring.errors import InputError, stop_if_cancelled
from ...scoring.schema.claims import (
    BLOCK,
    CLAIM_M2,
    CONFLICT,
    ONDERGROND,
    STRAAT_M2,
    STRAATLENGTE_M,
    WIJK,
    claim_field,
)
from ...scoring.schema.diagnosis import SCORE_FIELDS
from ..adapter import RD_NEW, read_geodataframe
from ..claims_inputs import ClaimsAlgorithm
from ..layer_group import ClaimsLayerStyle
from ..parameters import land_cover_parameters
from ..sinks import OutputTransaction

RELATIVE_TOLERANCE = 1e-6  # recomputed against written wijk claims


class SegmentStyle(ClaimsLayerStyle):
    """Styles the segment layer by pressure (resources/styles/segmenten.qml) once loaded,
    at the top of the Ruimteclaims group."""

    STYLE = SEGMENT_STYLE


class ClaimsPerSegment(ClaimsAlgorithm):
    ID = "claims_per_segment"
    ROAD_POLYGONS = "ROAD_POLYGONS"
    OUTPUT = "OUTPUT"
    UNPLACED = "UNPLACED"

    def displayName(self):
        return self.tr("Ondergrond per street segment")

    def shortHelpString(self):
        return self.tr(
            "Lays each wijk's ondergrond claims (heat network, cable reinforcement, separate "
            "sewer, tree roots, infiltration crates) on its street segments, so that the map "
            "shows where the ondergrond is full. Run 'Space claims against capacity' first: "
            "the wijk claims are recomputed from the fields it wrote, with the same profile."
            "\n\nThe roads are split into segments between junctions and cut at the wijk "
            "borders. Per segment: the profile width (road class or width field; with road "
            "polygons such as BGT wegdeel the area of the polygons nearest to it / its "
            "length), the width usable for cables, pipes and roots (profile x usable_share "
            "of the ondergrond, the NEN 7171-1 zoning), the width taken by existing cables "
            "and pipes, and the free width. Each segment gets its share of the wijk's claims "
            "by its street length (infiltration crates by the sealed area in its street "
            "space, with land cover), and its own capacity, pressure and conflict. What no "
            "segment holds stays unplaced per wijk and block: segments plus unplaced are the "
            "wijk's claim_ondergrond. docs/claims_segments.md explains the method."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Wijken after Space claims against capacity"),
                [SOURCE_POLYGON],
            )
        )
        self.add_road_parameters(optional=False)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROAD_POLYGONS,
                self.tr("Road polygons for the street space of road lines (e.g. BGT wegdeel)"),
                [SOURCE_POLYGON],
                optional=True,
            )
        )
        self.add_network_parameters()
        for definition in land_cover_parameters():
            self.addParameter(definition)
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Street segments (pressure in the ondergrond)"), SOURCE_LINE
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNPLACED, self.tr("Claims no segment holds (table)"), SOURCE_VECTOR
            )
        )

    def process(self, parameters, context, feedback):
        import shapely

        from ...scoring.claims.segments import segment_claims, street_segments

        profile, catalogue = self.claims_profile(parameters, context, feedback)
        plan = self.progress_plan(parameters, context, feedback)
        diagnosed, wijken = self.claim_wijken(parameters, context, plan, profile)
        layer_name = diagnosed.layer_name
        written = claim_field(ONDERGROND)
        missing = [f for f in (STRAATLENGTE_M, STRAAT_M2, written) if f not in wijken.columns]
        if missing:
            raise InputError(
                self.tr(
                    "Layer '{}' has no field {}; run Space claims first (with a roads layer) "
                    "and use its output."
                ).format(layer_name, ", ".join(missing))
            )
        scored = [field for field in SCORE_FIELDS if field in wijken.columns]
        columns = {*catalogue.drivers()}
        for spec in CAPACITY_INPUTS.values():
            columns |= {spec.area_column, spec.occupied_column}
        present = [c for c in wijken.columns if c in columns]
        drivers = wijken[present].apply(pd.to_numeric, errors="coerce")
        claims = compute_claims(drivers, wijken[scored], catalogue)
        self._require_same_claims(claims.fields[written], wijken[written], layer_name)

        roads_source = self.source(parameters, self.ROADS, context)
        road_polygons, polygons_name = self.optional_frame(
            parameters, self.ROAD_POLYGONS, context, plan
        )
        networks, networks_name = self.optional_frame(parameters, self.NETWORKS, context, plan)
        land_cover, class_mapping = self.land_cover_input(parameters, context, plan)
        segments = street_segments(
            wijken,
            read_geodataframe(roads_source, context=context),
            catalogue,
            road_polygons=road_polygons,
            networks=networks,
            land_cover=land_cover,
            class_mapping=class_mapping,
            road_class_field=self.field_name(parameters, self.ROAD_CLASS_FIELD, context),
            road_width_field=self.field_name(parameters, self.ROAD_WIDTH_FIELD, context),
            network_type_field=self.field_name(parameters, self.NETWORK_TYPE_FIELD, context),
            network_width_field=self.field_name(parameters, self.NETWORK_WIDTH_FIELD, context),
            polygon_street_width=self.parameterAsDouble(parameters, self.STREET_WIDTH, context),
            wijken_name=layer_name,
            roads_name=roads_source.sourceName(),
            polygons_name=polygons_name,
            networks_name=networks_name,
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
        placed = segment_claims(claims.blocks, segments, catalogue)
        for note in (*segments.notes, *placed.notes):
            feedback.pushWarning(localized(note))
        self._log_unplaced(placed.unplaced, feedback)
        stop_if_cancelled(feedback.isCanceled)

        table = pd.concat([segments.frame, placed.units.drop(columns=WIJK)], axis=1)
        with OutputTransaction(self, parameters, context, feedback) as sinks:
            outputs = {
                self.OUTPUT: sinks.shapes(
                    self.OUTPUT,
                    table,
                    shapely.to_wkb(shapely.force_2d(segments.lines)),
                    WKB_MULTI_LINE,
                    QgsCoordinateReferenceSystem(RD_NEW),
                ),
                self.UNPLACED: sinks.table(self.UNPLACED, placed.unplaced),
            }
        if context.willLoadLayerOnCompletion(outputs[self.OUTPUT]):
            details = context.layerToLoadOnCompletionDetails(outputs[self.OUTPUT])
            details.setPostProcessor(SegmentStyle.create())
        in_conflict = placed.units[CONFLICT].fillna(False)
        feedback.pushInfo(
            self.tr("Segments in conflict: {} of {}").format(int(in_conflict.sum()), len(table))
        )
        return outputs

    def _require_same_claims(self, recomputed, written, layer_name) -> None:
        """The wijk claims recomputed here are the ones Space claims wrote (same profile)."""
        written = pd.to_numeric(written, errors="coerce")
        both = recomputed.notna() & written.notna()
        off = both & ~np.isclose(recomputed, written, rtol=RELATIVE_TOLERANCE, atol=1e-6)
        if off.any():
            wijk = off.idxmax()
            raise InputError(
                self.tr(
                    "The ondergrond claim recomputed for wijk {} ({:.1f} m²) differs from its "
                    "field {} ({:.1f} m²); run with the profile Space claims was run with."
                ).format(wijk, recomputed[wijk], claim_field(ONDERGROND), written[wijk])
            )

    def _log_unplaced(self, unplaced, feedback) -> None:
        for row in unplaced[unplaced[CLAIM_M2].fillna(0) > 0].itertuples(index=False):
            feedback.pushInfo(
                self.tr("Wijk {}: {:.1f} m² of {} lies on no segment (unplaced)").format(
                    getattr(row, WIJK), getattr(row, CLAIM_M2), getattr(row, BLOCK)
                )
            )
