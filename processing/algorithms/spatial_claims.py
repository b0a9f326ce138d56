"""wijkdiagnose:spatial_claims — the transitions' space claims against the capacity per wijk."""

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_DOUBLE, SOURCE_POLYGON, SOURCE_VECTOR
from ...i18n import localized
from ...scoring.claims.compute import compute_claims
from ...scoring.errors import InputError, stop_if_cancelled
from ...scoring.schema.claims import CONFLICT, WIJK
from ...scoring.schema.diagnosis import SCORE_FIELDS
from ..claims_inputs import ClaimsAlgorithm
from ..layer_group import ClaimsLayerStyle
from ..parameters import land_cover_parameters
from ..sinks import OutputTransaction


class SpatialClaims(ClaimsAlgorithm):
    ID = "spatial_claims"
    BUILDINGS = "BUILDINGS"
    MIN_COVERAGE = "MIN_COVERAGE"
    OUTPUT = "OUTPUT"
    BLOCKS = "BLOCKS"
    CLAIM_MAP = "CLAIM_MAP"

    def displayName(self):
        return self.tr("Space claims against capacity")

    def shortHelpString(self):
        return self.tr(
            "Sets the space that each transition's solutions claim (heat networks, separate "
            "sewers, trees, wadis, charging points, PV, green roofs ...) against the space in "
            "each wijk, in three layers: ondergrond, maaiveld and daken. The claims grow with "
            "the urgency scores, so run 'Score transitions' first.\n\nCapacity: ondergrond = "
            "street space (road polygons such as BGT wegdeel, or road lines buffered by a "
            "width per OSM highway class or a width field) minus the existing cables and pipes "
            "inside it; maaiveld = the wijk without buildings, water and private yards (BGT "
            "erf); dak = ind_dak_bruikbaar (run 'Roof areas') or the roofs of the buildings. "
            "Dwellings and inhabitants come from the CBS fields, the sealed area from "
            "ind_verhard or the land cover.\n\nA wijk covered by an input layer on less than "
            "the minimum coverage gets no figure from it (unknown is never zero). The profile's "
            "[claims] table holds the building blocks; docs/claims.md explains the numbers."
            "\n\nOutputs: the wijken with claim_, cap_, druk_, conflict_ and onbekend_ fields "
            "per layer, claim_<layer>_<transition> and the measured space; a table per wijk "
            "and building block; and a claim map with one feature per wijk and layer, styled "
            "by pressure (claim / capacity)."
        )

    def initAlgorithm(self, config=None):
        self.add_diagnosed_input(self.INPUT)
        self.add_road_parameters(optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                self.tr("Buildings (polygons); optional when ind_dak_bruikbaar is present"),
                [SOURCE_POLYGON],
                optional=True,
            )
        )
        for definition in land_cover_parameters():
            self.addParameter(definition)
        self.add_network_parameters()
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_COVERAGE,
                self.tr("Minimum coverage of a wijk by each layer (%); empty: the profile's"),
                NUMBER_DOUBLE,
                None,
                optional=True,
                minValue=0,
                maxValue=100,
            )
        )
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Wijken with space claims"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.BLOCKS, self.tr("Claims per building block (table)"), SOURCE_VECTOR
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CLAIM_MAP, self.tr("Claim map (pressure per wijk and layer)"), SOURCE_POLYGON
            )
        )

    def process(self, parameters, context, feedback):
        from ...scoring.claims.space import measure_space

        source = self.diagnosed_source(parameters, self.INPUT, context)
        profile, catalogue = self.claims_profile(parameters, context, feedback)
        plan = self.progress_plan(parameters, context, feedback)
        diagnosed, wijken = self.claim_wijken(parameters, context, plan, profile)
        features, layer_name = diagnosed.features, diagnosed.layer_name
        scored = [field for field in SCORE_FIELDS if field in wijken.columns]
        if not scored:
            raise InputError(
                self.tr(
                    "Layer '{}' has none of the score fields {}; run Score transitions first."
                ).format(layer_name, ", ".join(SCORE_FIELDS))
            )

        roads, roads_name = self.optional_frame(parameters, self.ROADS, context, plan)
        buildings, buildings_name = self.optional_frame(  # footprints only: no field is read
            parameters, self.BUILDINGS, context, plan, attributes=()
        )
        networks, networks_name = self.optional_frame(parameters, self.NETWORKS, context, plan)
        land_cover, class_mapping = self.land_cover_input(parameters, context, plan)
        min_coverage = self.optional_number(parameters, self.MIN_COVERAGE, context)
        space = measure_space(
            wijken,
            roads=roads,
            buildings=buildings,
            land_cover=land_cover,
            class_mapping=class_mapping,
            networks=networks,
            road_class_field=self.field_name(parameters, self.ROAD_CLASS_FIELD, context),
            road_width_field=self.field_name(parameters, self.ROAD_WIDTH_FIELD, context),
            network_type_field=self.field_name(parameters, self.NETWORK_TYPE_FIELD, context),
            network_width_field=self.field_name(parameters, self.NETWORK_WIDTH_FIELD, context),
            polygon_street_width=self.parameterAsDouble(parameters, self.STREET_WIDTH, context),
            cbs_fields=profile.cbs_fields,
            min_coverage=profile.min_data_coverage if min_coverage is None else min_coverage,
            wijken_name=layer_name,
            roads_name=roads_name,
            buildings_name=buildings_name,
            networks_name=networks_name,
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
        for column, origin in space.attrs["sources"].items():
            feedback.pushInfo(self.tr("{}: {}").format(column, localized(origin)))
        claims = compute_claims(space, wijken[scored], catalogue)
        for note in (*space.attrs["notes"], *claims.notes):
            feedback.pushWarning(localized(note))
        stop_if_cancelled(feedback.isCanceled)

        # joined on the wijk key: the n-th feature gets the row of its own key
        wide = pd.concat([space, claims.fields], axis=1).reindex(diagnosed.keys)
        by_key = dict(zip(diagnosed.keys, features))
        writing = plan.writing.split([len(wide), len(claims.blocks), len(claims.layers)])
        with OutputTransaction(self, parameters, context, feedback) as sinks:
            outputs = {
                self.OUTPUT: sinks.features(self.OUTPUT, source, features, wide, writing[0]),
                self.BLOCKS: sinks.table(self.BLOCKS, claims.blocks, writing[1]),
                # one feature per wijk and layer, the wijk's own; each gets a new fid
                self.CLAIM_MAP: sinks.features(
                    self.CLAIM_MAP,
                    source,
                    [by_key[key] for key in claims.layers[WIJK]],
                    claims.layers,
                    writing[2],
                ),
            }
        if context.willLoadLayerOnCompletion(outputs[self.CLAIM_MAP]):
            details = context.layerToLoadOnCompletionDetails(outputs[self.CLAIM_MAP])
            details.setPostProcessor(ClaimsLayerStyle.create())
        in_conflict = claims.layers[CONFLICT].fillna(False)
        feedback.pushInfo(
            self.tr("Layers in conflict: {} of {} (wijk x layer)").format(
                int(in_conflict.sum()), len(in_conflict)
            )
        )
        return outputs
