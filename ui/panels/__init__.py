"""One panel per tab of the dock (scores, indicators, claims, timeline, stakeholders) and
the compare view: each lays out the ``wijk_view`` models it is given and computes nothing."""
