"""The fields and the table the koppelkansen step writes: the wijk's timeline of
aanleidingen and the koppelkansen found on it."""

from .claims import REASON, WIJK

AANLEIDINGEN = "aanleidingen"  # the wijk's maintenance timeline as short text, e.g. "2027 riool"
EERSTE_AANLEIDING = "eerste_aanleiding"  # year of the first aanleiding in the planning horizon
N_KOPPELKANSEN = "n_koppelkansen"
KOPPELKANSEN = "koppelkansen"  # e.g. "2027 riool+herbestrating → klimaatadaptatie"

# columns of the long koppelkansen table, one row per kans
KIND = "kind"  # "werk-met-werk" (two works open the same space) or "transitie" (urgent + trigger)
YEAR_FROM = "year_from"
YEAR_TO = "year_to"
EVENTS = "events"
TRANSITION_LIST = "transitions"  # comma separated, most urgent first
LAYER_LIST = "layers"  # the space layers the works open (ondergrond, maaiveld), comma separated
SOURCES = "sources"  # where the events come from: the source field, or the layer name
KOPPELKANS_COLUMNS = (
    WIJK,
    KIND,
    YEAR_FROM,
    YEAR_TO,
    EVENTS,
    TRANSITION_LIST,
    LAYER_LIST,
    SOURCES,
    REASON,
)

# the kinds of koppelkans (the KIND column)
WERK_MET_WERK = "werk-met-werk"
TRANSITIE = "transitie"
