"""GEOS calls on many geometries in threads: shapely releases the GIL, so two cores
work on one overlay, validity check or tree query."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

WORKERS = 2  # threads for whole-array work that lets go of the GIL (GEOS, certainty's numpy)
THREADED_PAIRS = 10_000  # fewer pairs than this are done in one go
THREADED_QUERIES = 1_000  # fewer query geometries than this are asked of a tree in one go


def in_threads(func, *arrays, keys=None) -> np.ndarray:
    """``func(*arrays)``, the arrays cut in ``WORKERS`` runs done in threads and joined
    in order. Prepared geometries must not be shared between threads: where the first
    array holds them, ``keys`` (sorted, one per item: which prepared geometry) keeps
    the items of one key in one run."""
    count = len(arrays[0])
    if count < THREADED_PAIRS:
        return func(*arrays)
    cuts = np.linspace(0, count, WORKERS + 1).astype(int)
    if keys is not None:  # each inner cut moved on to where the key changes
        cuts[1:-1] = np.searchsorted(keys, keys[cuts[1:-1]], side="right")
    with ThreadPoolExecutor(WORKERS) as pool:
        runs = pool.map(
            lambda start, end: func(*(a[start:end] for a in arrays)), cuts[:-1], cuts[1:]
        )
        return np.concatenate(list(runs))


def query_in_threads(tree, geoms: np.ndarray, predicate: str = "intersects") -> np.ndarray:
    """``tree.query(geoms, predicate)``: the same pairs in the same order, the query
    geometries cut in ``WORKERS`` runs asked in threads (a tree query releases the GIL;
    each run prepares its own geometries, none is shared)."""
    count = len(geoms)
    if count < THREADED_QUERIES:
        return tree.query(geoms, predicate=predicate)
    cuts = np.linspace(0, count, WORKERS + 1).astype(int)

    def run(start, end):
        found = tree.query(geoms[start:end], predicate=predicate)
        found[0] += start
        return found

    with ThreadPoolExecutor(WORKERS) as pool:
        return np.concatenate(list(pool.map(run, cuts[:-1], cuts[1:])), axis=1)
