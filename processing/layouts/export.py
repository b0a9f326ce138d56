"""The filled layouts into files: the atlas as one PDF and as one PNG per wijk, the
overview as a PNG; every exporter result its own message, as QGIS's own layout export
algorithms do."""

import os
from typing import NamedTuple

from qgis.core import Qgis, QgsExpression, QgsFeedback, QgsLayoutExporter
from qgis.PyQt.QtCore import QCoreApplication, Qt

from ...scoring.errors import CancelledError, InputError, stop_if_cancelled
from ..transaction import destination_of


class Targets(NamedTuple):
    """Where one run renders to (staged files and folder, see transaction.StagedOutputs)
    and at what DPI."""

    pdf: str
    png_folder: str  # "" for no PNGs
    overview: str  # "" for no overview
    dpi: int


# Of an export's progress bar: reading the wijken and filling the sheets; the rest goes
# to the files in proportion to the pages each renders.
PREPARING = 5.0


def export_feedbacks(feedback, pages: int, pngs: bool, overview: bool) -> list:
    """A QgsFeedback for the PDF, for the PNGs when asked and for the overview when asked,
    each moving ``feedback`` on over its share of PREPARING-100 % (the exporter reports
    every sheet) and cancelled with it."""
    weights = [pages, *[pages] * pngs, *[1] * overview]
    bounds = [PREPARING + (100.0 - PREPARING) * sum(weights[:i]) / sum(weights)
              for i in range(len(weights) + 1)]  # fmt: skip
    return [_part(feedback, start, end) for start, end in zip(bounds[:-1], bounds[1:])]


def _part(feedback, start: float, end: float) -> QgsFeedback:
    part = QgsFeedback()
    part.progressChanged.connect(
        lambda percent: feedback.setProgress(start + (end - start) * percent / 100.0),
        Qt.ConnectionType.DirectConnection,
    )
    feedback.canceled.connect(part.cancel, Qt.ConnectionType.DirectConnection)
    if feedback.isCanceled():
        part.cancel()
    return part


def export_pdf(layout, path: str, dpi: int, feedback) -> None:
    """All sheets into one PDF; the exporter reports progress and stops on cancel per page."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable text
    settings.simplifyGeometries = True
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings, feedback)
    check_export(result, destination_of(path), error)


def export_pngs(layout, folder: str, dpi: int, code_field, feedback) -> None:
    """One PNG per sheet, named after the wijk's ``code_field`` (else its number)."""
    naming = (
        f"'wijkblad_' || {QgsExpression.quotedColumnRef(code_field)}"
        if code_field
        else "'wijkblad_' || @atlas_featurenumber"
    )
    layout.atlas().setFilenameExpression(naming)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    result, error = QgsLayoutExporter.exportToImage(
        layout.atlas(), os.path.join(folder, "wijkblad"), "png", settings, feedback
    )
    check_export(result, os.path.dirname(folder), error)


def export_overview(layout, path: str, dpi: int, feedback) -> None:
    stop_if_cancelled(feedback.isCanceled)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    result = QgsLayoutExporter(layout).exportToImage(path, settings)
    check_export(result, destination_of(path))
    feedback.setProgress(100)


def check_export(result, path: str, detail: str = "") -> None:
    """Raise the message of exporter ``result`` for ``path`` (nothing on success)."""
    results = QgsLayoutExporter.ExportResult
    if result == results.Success:
        return
    if result == results.Canceled:
        raise CancelledError()
    messages = {
        results.MemoryError: QCoreApplication.translate(
            "wijkblad", "Not enough memory to render {}. Choose a lower DPI and try again."
        ),
        results.FileError: QCoreApplication.translate(
            "wijkblad",
            "Cannot write to {}. Check that the folder exists and is writable, and that the "
            "file is not open in another application."
        ),
        results.PrintError: QCoreApplication.translate(
            "wijkblad", "Could not create the print device for {}."
        ),
        results.SvgLayerError: QCoreApplication.translate(
            "wijkblad", "Could not export the map layers of {} as SVG."
        ),
        results.IteratorError: QCoreApplication.translate(
            "wijkblad", "Could not step through the wijken while exporting {} (atlas error)."
        ),
    }  # fmt: skip
    message = messages.get(result, QCoreApplication.translate("wijkblad", "Export of {} failed."))
    text = message.format(path)
    raise InputError(f"{text} ({detail})" if detail else text)


def cannot_write(path: str, detail: str) -> None:
    """``transaction.StagedOutputs``' failure: a destination that cannot be written."""
    check_export(QgsLayoutExporter.ExportResult.FileError, path, detail)
