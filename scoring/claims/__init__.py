"""Space claims of the transitions against the capacity of each wijk.

Every transition's solutions (building blocks: warmtenet, wadi, PV ...) claim
space in one of three layers: the ``ondergrond`` (cables, pipes, roots), the
``maaiveld`` (public space at street level) and the ``dak`` (roofs). A block
claims ``driver value x m2_per_unit x deployment`` m², where the driver is a
wijk quantity (street length, dwellings, roof area ...) and the deployment
grows linearly with the transition's urgency score from ``min_share`` (at
``from_score`` and below) to ``max_share`` (at 100).

Per wijk and layer the claims are summed and set against the capacity:
``pressure = claim / capacity``; above ``conflict_pressure`` the layer is in
conflict and the transitions claiming it are named, largest claim first.

Unknown is never zero: a block whose driver or score is unknown has no claim
(NaN) and a reason. Layer and transition totals are sums over the known
blocks; the blocks left out are listed, so a pressure with gaps is a lower
bound and a conflict found despite gaps is certain. docs/claims.md gives the
method, the default catalogue and its sources.

The rooms, each importing only those above it: ``catalogue`` (the blocks and drivers of
a profile's ``[claims]`` table), ``capacity`` (the space per wijk and layer),
``scale`` (the schaalniveau per transition), ``compute`` (claims, pressure, conflicts,
and the schaalniveau); ``streets`` and ``space`` measure the drivers
and capacity columns from layers. The field names are in ``scoring.schema.claims``.
"""
