"""Aanleidingen on a timeline per wijk, and the koppelkansen they offer: ``events`` reads
the works and the catalogue of their types, ``koppelkansen`` finds the kansen on each
wijk's timeline. The field names are in ``scoring.schema.timeline``."""
