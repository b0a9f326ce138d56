"""A run's progress bar: which part of it each piece of work reports onto (reading each
input, the kernel, writing), so that it moves all the way and never goes back; see
docs/architecture.md, "Progress and cancel"."""

from typing import Dict, List, Sequence

from qgis.core import QgsVectorLayer


class Span:
    """One part of a run's progress bar, ``start``..``end`` percent, that the part reports
    0-100 onto, with the run's cancel: what the readers (adapter.py) and the writer
    (sinks.py) take as ``feedback`` (``ProgressPlan`` hands them out)."""

    def __init__(self, feedback, start: float = 0.0, end: float = 100.0):
        self.feedback, self.start, self.end = feedback, start, end

    def __getattr__(self, name):
        """Everything but progress is the run's feedback's (pushInfo, pushWarning ...)."""
        return getattr(self.feedback, name)

    def setProgress(self, percent: float) -> None:
        self.feedback.setProgress(self.start + (self.end - self.start) * percent / 100.0)

    def isCanceled(self) -> bool:
        return self.feedback.isCanceled()

    def split(self, weights: Sequence[float]) -> List["Span"]:
        """Consecutive parts of this span in proportion to ``weights``."""
        total = float(sum(weights)) or 1.0
        parts, done = [], 0.0
        for weight in weights:
            start = done
            done += weight / total
            parts.append(Span(self.feedback, self._at(start), self._at(done)))
        return parts

    def _at(self, fraction: float) -> float:
        return self.start + (self.end - self.start) * fraction


class StreamedSpan:
    """The span of a large input read and measured batch by batch (``adapter.read_batches``
    and a kernel that streams it, ``scoring/indicators/batches.py``): each batch's reading
    takes the first half of its share and its measuring the second, so that the bar moves
    on through both; it never goes back."""

    def __init__(self, span: Span, count: int, size: int):
        self.span, self.count, self.size = span, max(count, 0), size
        self.batches = max(1, -(-self.count // size))
        self._done = 0.0

    def reading(self) -> Span:
        """What the reader reports onto (its 0-100: the features of the whole input)."""
        return _StreamReading(self)

    def progress(self, fraction: float) -> None:
        """The kernel's progress callable: ``fraction`` 0-1 over all its batches."""
        scaled = min(max(fraction, 0.0), 1.0) * self.batches
        batch = max(0, min(self.batches - 1, int(-(-scaled // 1)) - 1))
        self._put(batch, 0.5 + 0.5 * (scaled - batch))

    def read(self, percent: float) -> None:
        """``percent`` of the input's features read: into the reading half of its batch."""
        number = percent / 100.0 * self.count
        batch = min(int(number // self.size), self.batches - 1)
        length = max(1, min(self.size, self.count - batch * self.size))  # the last is shorter
        self._put(batch, 0.5 * min(1.0, (number - batch * self.size) / length))

    def _put(self, batch: int, within: float) -> None:
        self._done = max(self._done, (batch + min(within, 1.0)) / self.batches)
        self.span.setProgress(100.0 * self._done)


class _StreamReading(Span):
    """The feedback a reader of a streamed input reports onto (``StreamedSpan.reading``)."""

    def __init__(self, stream: StreamedSpan):
        super().__init__(stream.span.feedback)
        self.stream = stream

    def setProgress(self, percent: float) -> None:
        self.stream.read(percent)


def core_callbacks(feedback, start: float = 0.0, end: float = 100.0):
    """The two callables the pure core takes: progress (0-1 mapped onto start..end) and
    cancel; ``feedback`` a QgsFeedback or a Span."""

    def progress(fraction: float) -> None:
        feedback.setProgress(start + (end - start) * fraction)

    return progress, feedback.isCanceled


# Raster cells a kernel handles in the time of reading one feature (a guess: numpy over a
# block against a Python loop over the features), for the progress plan.
CELLS_PER_FEATURE = 200


class ProgressPlan:
    """One run's progress bar split by its work, so that it moves all the way and never
    goes back: reading each vector input, in proportion to its feature count (an unknown
    count as the wijken's), in the order the run reads them; then the kernel, weighed as
    all the reading together plus a feature per ``CELLS_PER_FEATURE`` cells of the
    rasters it reads; then writing, weighed as reading the wijken. Each part is a
    ``Span`` that reports 0-100 and checks cancel; ``progress`` and ``is_cancelled`` are
    the kernel's two callables (``core_callbacks``)."""

    def __init__(self, feedback, counts: Dict[str, int], raster: int = 0, wijken: str = "INPUT"):
        fallback = max(counts.get(wijken, 1), 1)
        self._reading = {
            name: max(count, 1) if count >= 0 else fallback for name, count in counts.items()
        }
        read = sum(self._reading.values())
        kernel = read + raster
        self._feedback = feedback
        self._percent = 100.0 / (read + kernel + self._reading.get(wijken, 1))  # per feature
        self._read = 0  # features of the inputs read so far
        self.kernel = Span(feedback, read * self._percent, (read + kernel) * self._percent)
        self.writing = Span(feedback, self.kernel.end, 100.0)
        self.progress, self.is_cancelled = core_callbacks(self.kernel)

    def reading(self, name: str) -> Span:
        """The span of reading input ``name``: the next part of the reading."""
        start = self._read
        self._read += self._reading.get(name, 0)
        return Span(self._feedback, start * self._percent, self._read * self._percent)

    def streaming(self, name: str, size: int) -> StreamedSpan:
        """The span of input ``name`` read and measured in batches of ``size`` features:
        its reading and the kernel together (the last input read, so they meet)."""
        reading = self.reading(name)
        span = Span(self._feedback, reading.start, self.kernel.end)
        return StreamedSpan(span, self._reading.get(name, 0), size)


def plan_of(alg, parameters, context, feedback) -> "ProgressPlan":
    """The plan of the progress bar of a run of ``alg`` from the feature count of every vector
    input given (feature-source and multiple-layer parameters)."""
    counts, cells = {}, 0
    for definition in alg.parameterDefinitions():
        name, kind = definition.name(), definition.type()
        if kind == "raster" and parameters.get(name) not in (None, ""):
            raster = alg.parameterAsRasterLayer(parameters, name, context)
            cells += raster.width() * raster.height() if raster is not None else 0
        elif kind == "source" and parameters.get(name) not in (None, ""):
            source = alg.parameterAsSource(parameters, name, context)
            counts[name] = source.featureCount() if source is not None else -1
        elif kind == "multilayer":
            layers = alg.parameterAsLayerList(parameters, name, context)
            vectors = [layer for layer in layers if isinstance(layer, QgsVectorLayer)]
            if vectors:
                counts[name] = sum(max(layer.featureCount(), 1) for layer in vectors)
    return ProgressPlan(feedback, counts, cells // CELLS_PER_FEATURE)
