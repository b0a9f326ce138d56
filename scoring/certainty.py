"""The koploper's certainty (zekerheid), counting what is not measured.

The diagnosis is repeated ``draws`` times with every weight drawn uniformly within
+-``weight_spread`` and every measured indicator value perturbed by its relative
``uncertainty`` (normal). An indicator without a value in a wijk (absent, or measured
on too little of it) is drawn from its prior (``scoring.priors``: the national
distribution of its urgency, else uniform 0-100), and so is the score of a transition
the profile gives no indicator at all (uniform 0-100). The certainty is the share of
draws in which the koploper (ranked on what was measured) stays first. A value drawn
from a prior is scored, but does not count as coverage in the tie rule.

Seeded: the weights by the profile's seed, each wijk's input noise and prior draws by
streams of their own seeded with the seed and the wijk's values. A wijk with every
indicator measured never touches the prior stream: its figure is the one the
certainty had before missing values were drawn.
"""

import collections
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .errors import stop_if_cancelled
from .indicators.threads import WORKERS
from .priors import DRAW_BITS, DRAW_LEVELS, draw, inverse_cdf_tables
from .ranking import ranking, transition_scores, urgencies

BATCH_VALUES = 2_000_000  # about 16 MB per array of one step
MAX_BATCH_DRAWS = 50  # and regular progress for a small layer
NOISE_VALUES = 8_000_000  # the input noise drawn ahead, 64 MB
PRIOR_STREAM = 1  # tells the prior stream of a wijk apart from its noise stream


def koploper_stability(
    raw, rules, weights, koploper_index, priors, settings, progress=None, is_cancelled=None
):
    """Share of perturbed draws in which each wijk keeps its koploper.

    ``raw`` (wijk, indicator) values, NaN where missing; ``weights`` (indicator,
    transition); ``koploper_index`` (wijk,) the transition ranked first, -1 for none;
    ``priors`` (indicator, 101) urgency quantiles (``priors.urgency_quantiles``).
    """
    rng = np.random.default_rng(settings.seed)  # the weights: one spread per draw for all
    seeds = _wijk_seeds(raw)
    # only the indicators with a value in some wijk are perturbed: a layer without a
    # single value of one has no wijk with every indicator measured
    perturbed = np.flatnonzero(~np.isnan(raw).all(axis=0))
    perturbed_rules = [rules[k] for k in perturbed]
    relative_sd = np.array([rule.uncertainty for rule in perturbed_rules])
    measured = raw[:, perturbed]
    prior = _Prior(raw, weights, perturbed, priors, seeds, settings.seed)
    kept = np.zeros(len(raw))
    # draws per vectorised step: at most BATCH_VALUES perturbed values a step, so memory is
    # bounded for a whole country too (the streams are drawn in order, so the step size
    # does not change a single draw)
    batch = int(np.clip(BATCH_VALUES // max(raw.size, 1), 1, MAX_BATCH_DRAWS))
    noise_streams = _Noise(seeds, settings.seed, len(perturbed), batch, settings.draws)

    def kept_in(noise, factors, first_draw):
        """How often each wijk kept its koploper in one step of draws (in a thread: numpy
        lets go of the GIL on whole arrays)."""
        drawn = urgencies(measured * (1.0 + noise), perturbed_rules)
        if prior.needed:
            scores, coverage = prior.scores(drawn, weights * factors, first_draw)
        else:
            scores, coverage = transition_scores(drawn, weights * factors)
        return (ranking(scores, coverage)[..., 0] == koploper_index).sum(axis=0)

    # the streams are drawn here, in order; the steps run WORKERS at a time
    kept, done, running = np.zeros(len(raw)), 0, collections.deque()
    with ThreadPoolExecutor(WORKERS) as pool:
        while done < settings.draws or running:
            if done < settings.draws and len(running) < WORKERS:
                stop_if_cancelled(is_cancelled)
                size = min(batch, settings.draws - done)
                noise = noise_streams.next(size) * relative_sd
                factors = rng.uniform(
                    1 - settings.weight_spread, 1 + settings.weight_spread, (size, *weights.shape)
                )
                running.append((pool.submit(kept_in, noise, factors, done), done + size))
                done += size
                continue
            step, reached = running.popleft()
            kept += step.result()
            if progress:
                progress(reached / settings.draws)
    return kept / settings.draws


class _Noise:
    """Every wijk's standard normal input noise from a stream of its own, handed out a
    step of draws at a time: each stream is asked for many steps at once (asking 14,500
    streams for a few numbers each, step after step, cost more than the drawing). A
    stream's numbers come in its order whatever the steps, so they do not change a draw."""

    def __init__(self, seeds, seed: int, width: int, batch: int, draws: int):
        self.streams = [np.random.default_rng([seed, s]).standard_normal for s in seeds]
        self.width = width
        per_draw = max(len(seeds) * width, 1)
        steps = -(-draws // batch)
        self.steps = int(np.clip(NOISE_VALUES // (per_draw * batch), 1, steps))  # per refill
        self.batch = batch
        self.buffer = np.empty((len(seeds), 0, width))
        self.taken = 0

    def next(self, size: int) -> np.ndarray:
        """(size, wijk, width) noise of the next ``size`` draws (at most one step)."""
        if self.taken == self.buffer.shape[1]:
            self.buffer = np.empty((len(self.streams), self.steps * self.batch, self.width))
            for stream, row in zip(self.streams, self.buffer):
                stream(out=row)
            self.taken = 0
        part = self.buffer[:, self.taken : self.taken + size]
        self.taken += size
        return np.ascontiguousarray(part.transpose(1, 0, 2))


class _Prior:
    """The draws of what is not measured: the indicators without a value and the scores
    of the transitions without an indicator."""

    def __init__(self, raw, weights, perturbed, priors, seeds, seed):
        self.missing = np.isnan(raw)
        self.perturbed = perturbed
        self.partly = np.flatnonzero(self.missing[:, perturbed].any(axis=0))  # in perturbed
        self.absent = np.flatnonzero(self.missing.all(axis=0))  # no value in any wijk
        self.unweighed = np.flatnonzero(weights.sum(axis=0) <= 0)  # no indicator at all
        drawn = np.concatenate([perturbed[self.partly], self.absent])
        self.needed = bool(drawn.size or self.unweighed.size)
        uniform = np.arange(priors.shape[1], dtype=float)
        self.tables = inverse_cdf_tables(
            np.vstack([priors[drawn], *[uniform] * self.unweighed.size])
        )
        self.positions = np.concatenate([drawn, raw.shape[1] + self.unweighed])
        self.width = raw.shape[1] + weights.shape[1]  # positions per draw
        self.keys = _prior_keys(seeds, seed) if self.needed else None
        self.counted = ~self.missing

    def scores(self, drawn, weights, first_draw):
        """Scores and coverage of one step of draws, what is missing drawn from its prior."""
        levels = _levels(self.keys, first_draw, len(drawn), self.positions, self.width)
        prior = draw(self.tables, levels)
        partly, absent = len(self.partly), len(self.absent)
        if partly:
            columns = drawn[..., self.partly]
            where = self.missing[:, self.perturbed[self.partly]]
            np.copyto(columns, prior[..., :partly], where=where)
            drawn[..., self.partly] = columns
        if absent:
            scores, coverage = self._complete(drawn, prior[..., partly : partly + absent], weights)
        else:
            scores, coverage = transition_scores(drawn, weights, self.counted)
        scores[..., self.unweighed] = prior[..., partly + absent :]
        return scores, coverage

    def _complete(self, drawn, absent, weights):
        """``transition_scores`` where every value is there (measured or drawn), without
        assembling them into one array: the indicators no wijk has are drawn for all."""
        weighted = drawn @ weights[..., self.perturbed, :] + absent @ weights[..., self.absent, :]
        total = weights.sum(axis=-2)[..., None, :]
        with np.errstate(invalid="ignore", divide="ignore"):
            scores = np.where(total > 0, weighted / total, np.nan)
            coverage = np.where(total > 0, self.counted.astype(float) @ weights / total, 0.0)
        return scores, coverage * 100.0


def _wijk_seeds(raw: np.ndarray) -> list:
    """One seed per wijk from its own values: its zekerheid does not depend on where it
    stands in the layer (a FlatGeobuf with a spatial index, a sorted copy), and a re-run
    gives the same figure. The values are rounded and their NaN and -0.0 made canonical
    first, so the last bits a GEOS or numpy version leaves differently (NaN payloads,
    1e-12 in an area share) seed the same draws."""
    canonical = np.round(raw, 9) + 0.0  # + 0.0 turns -0.0 into 0.0
    canonical[np.isnan(canonical)] = np.nan
    return [zlib.crc32(np.ascontiguousarray(row).tobytes()) for row in canonical]


def _prior_keys(seeds, seed: int) -> np.ndarray:
    """The key of every wijk's prior stream, from the profile's seed and the wijk's."""
    return np.array(
        [
            np.random.SeedSequence([seed, s, PRIOR_STREAM]).generate_state(1, np.uint64)[0]
            for s in seeds
        ],
        dtype=np.uint64,
    )


_GAMMA = np.uint64(0x9E3779B97F4A7C15)
_PER_NUMBER = 64 // DRAW_BITS  # levels taken from one 64-bit number


def _levels(keys, first_draw: int, size: int, positions, width: int) -> np.ndarray:
    """(draw, wijk, position) levels 0..DRAW_LEVELS-1 from the wijken's prior streams.

    Each stream is SplitMix64 (Steele, Lea & Flood 2014), whose n-th number is a mix of
    ``key + n * gamma``: computed for all wijken at once, and the same for a draw and
    position whatever the step size. Draw ``d`` takes numbers ``d * per_draw`` on, one
    number giving the DRAW_BITS-bit levels of ``_PER_NUMBER`` positions."""
    per_draw = -(-width // _PER_NUMBER)
    draws = np.arange(first_draw, first_draw + size, dtype=np.uint64)
    counter = draws[:, None] * np.uint64(per_draw) + np.arange(1, per_draw + 1, dtype=np.uint64)
    z = keys[None, :, None] + (counter * _GAMMA)[:, None, :]
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    shift = (positions % _PER_NUMBER * DRAW_BITS).astype(np.uint64)
    chosen = z[..., positions // _PER_NUMBER] >> shift
    return (chosen & np.uint64(DRAW_LEVELS - 1)).astype(np.intp)
