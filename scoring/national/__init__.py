"""Readers of the national open data sources (CBS kwb first): the pure half of the
fetch algorithms. They read the answers of a service into frames; the network adapter
and the layers they become live in processing/."""
