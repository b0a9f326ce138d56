"""What the scripts run inside a real QGIS window (``qgis --code``, tests/ui/desktop_*.py)
share: a JSON report, a screenshot once the window has settled, and quitting.

It imports no pytest; run_in_desktop (desktop_helpers.py) puts this folder on the path.
Paths come from the environment: WD_SCREENSHOT, WD_REPORT.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

WINDOW_SIZE = (1600, 1000)


def session(report: dict, start, describe, settle_ms: int = 4000) -> None:
    """Call ``start`` once QGIS is up; after ``settle_ms`` (rendering and layout settle)
    ``describe`` fills ``report``, the main window is grabbed, the report written and
    QGIS quits. Whatever fails is in ``report["errors"]``."""
    from qgis.utils import iface

    def begin():
        try:
            start()
        except Exception:
            report["errors"].append(traceback.format_exc())
        QTimer.singleShot(settle_ms, finish)

    def finish():
        try:
            describe()
            report["window_size"] = [iface.mainWindow().width(), iface.mainWindow().height()]
            report["screenshot_saved"] = iface.mainWindow().grab().save(os.environ["WD_SCREENSHOT"])
        except Exception:  # the report must be written whatever happened
            report["errors"].append(traceback.format_exc())
        finally:
            with open(os.environ["WD_REPORT"], "w", encoding="utf-8") as handle:
                json.dump(report, handle, indent=2, ensure_ascii=False)
            QgsProject.instance().setDirty(False)  # no "save changes?" question
            QgsApplication.exit(0)

    report.setdefault("errors", [])
    QTimer.singleShot(1000, begin)
